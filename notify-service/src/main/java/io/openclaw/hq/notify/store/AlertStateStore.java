package io.openclaw.hq.notify.store;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.notify.model.AlertState;
import io.openclaw.hq.notify.model.AlertStatus;
import io.openclaw.hq.notify.model.NotifiedState;
import io.openclaw.hq.notify.model.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code alert_state}: read, decide and write one check's state in a single transaction, under a
 * transaction-scoped advisory lock on the checkId, so two reports for the same check (two doctor
 * runs racing) are decided one after the other and never both alert.
 */
@ApplicationScoped
public class AlertStateStore {

    /** Keeps these advisory locks apart from the platform's resource locks. */
    private static final int LOCK_NAMESPACE = 0x4e544659;
    private static final String COLUMNS = "check_id, status, status_since, last_report_at, notified, last_notified_at, "
            + "last_alert_at, last_alert_severity, flapping, recent_changes";

    private final AgroalDataSource dataSource;

    public AlertStateStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code decide} on the stored state (empty for a new check) and stores the state it returns.
     * Nothing is stored if {@code decide} throws.
     */
    public <D> D update(String checkId, Function<Optional<AlertState>, D> decide, Function<D, AlertState> stateOf) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c, checkId);
                D decision = decide.apply(find(c, checkId));
                upsert(c, stateOf.apply(decision));
                c.commit();
                return decision;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("alert_state", e);
        }
    }

    /**
     * Undoes what a notification changed in the operator's view ({@code notified}, the alert times,
     * flapping) when not one channel delivered it, so the next report tries again instead of being
     * rate limited. Only if no later notification for the check has happened since.
     */
    public boolean revertNotification(AlertState sent, AlertState prior) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE alert_state SET notified = ?, last_notified_at = ?, "
                        + "last_alert_at = ?, last_alert_severity = ?, flapping = ? "
                        + "WHERE check_id = ? AND last_notified_at = ?")) {
            s.setString(1, prior == null || prior.notified() == null ? null : prior.notified().name());
            Jdbc.setInstant(s, 2, prior == null ? null : prior.lastNotifiedAt());
            Jdbc.setInstant(s, 3, prior == null ? null : prior.lastAlertAt());
            s.setString(4, prior == null || prior.lastAlertSeverity() == null ? null : prior.lastAlertSeverity().wire());
            s.setBoolean(5, prior != null && prior.flapping());
            s.setString(6, sent.checkId());
            Jdbc.setInstant(s, 7, sent.lastNotifiedAt());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("alert_state", e);
        }
    }

    public Optional<AlertState> find(String checkId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, checkId);
        } catch (SQLException e) {
            throw Jdbc.failure("alert_state", e);
        }
    }

    private static void lock(Connection c, String checkId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_NAMESPACE);
            s.setString(2, checkId);
            s.execute();
        }
    }

    private static Optional<AlertState> find(Connection c, String checkId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_state WHERE check_id = ?")) {
            s.setString(1, checkId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static void upsert(Connection c, AlertState state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_state (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (check_id) DO UPDATE SET "
                + "status = EXCLUDED.status, status_since = EXCLUDED.status_since, "
                + "last_report_at = EXCLUDED.last_report_at, notified = EXCLUDED.notified, "
                + "last_notified_at = EXCLUDED.last_notified_at, last_alert_at = EXCLUDED.last_alert_at, "
                + "last_alert_severity = EXCLUDED.last_alert_severity, flapping = EXCLUDED.flapping, "
                + "recent_changes = EXCLUDED.recent_changes")) {
            s.setString(1, state.checkId());
            s.setString(2, state.status().name());
            Jdbc.setInstant(s, 3, state.statusSince());
            Jdbc.setInstant(s, 4, state.lastReportAt());
            s.setString(5, state.notified() == null ? null : state.notified().name());
            Jdbc.setInstant(s, 6, state.lastNotifiedAt());
            Jdbc.setInstant(s, 7, state.lastAlertAt());
            s.setString(8, state.lastAlertSeverity() == null ? null : state.lastAlertSeverity().wire());
            s.setBoolean(9, state.flapping());
            Timestamp[] changes = state.recentChanges().stream().map(Timestamp::from).toArray(Timestamp[]::new);
            s.setArray(10, c.createArrayOf("timestamptz", changes));
            s.executeUpdate();
        }
    }

    private static AlertState read(ResultSet rs) throws SQLException {
        String notified = rs.getString("notified");
        String severity = rs.getString("last_alert_severity");
        List<Instant> changes = new ArrayList<>();
        Array array = rs.getArray("recent_changes");
        if (array != null) {
            for (Object at : (Object[]) array.getArray()) {
                changes.add(((Timestamp) at).toInstant());
            }
        }
        return new AlertState(rs.getString("check_id"), AlertStatus.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "status_since"), Jdbc.instant(rs, "last_report_at"),
                notified == null ? null : NotifiedState.valueOf(notified), Jdbc.instant(rs, "last_notified_at"),
                Jdbc.instant(rs, "last_alert_at"), severity == null ? null : Severity.fromWire(severity),
                rs.getBoolean("flapping"), changes);
    }
}
