package io.openclaw.hq.gateway.audit;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log in PostgreSQL. Appends are serialised by a transaction-scoped
 * advisory lock so two requests cannot both link to the same predecessor.
 */
@ApplicationScoped
public class AuditLog {

    /** Arbitrary but fixed: the advisory lock key of the audit chain. */
    private static final long CHAIN_LOCK = 0x4155444954L;
    private static final String COLUMNS = "seq, at, event, outcome, actor, person, client, detail, prev_hash, hash";
    private static final int MAX_DETAIL = 500;

    private final AgroalDataSource dataSource;

    public AuditLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AuditEntry append(AuditEvent event) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                AuditEntry entry = appendIn(c, event);
                c.commit();
                return entry;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit log append failed: " + e.getSQLState(), e);
        }
    }

    /**
     * Appends inside the caller's transaction (auto-commit off), so an entry and the change it
     * records commit together. The chain lock is held until that transaction ends.
     */
    AuditEntry appendIn(Connection c, AuditEvent raw) throws SQLException {
        // micro-precision survives the round trip through timestamptz, so the hash can be recomputed
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditEvent event = escaped(raw);
        String detail = clip(Redactor.redact(event.detail()));
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")");
        }
        long seq = 1;
        String prev = AuditChain.GENESIS;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        String hash = AuditChain.hash(seq, at, event.event(), event.outcome(), event.actor(), event.person(),
                event.client(), detail, prev);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, event.event());
            s.setString(4, event.outcome());
            s.setString(5, event.actor());
            s.setString(6, event.person());
            s.setString(7, event.client());
            s.setString(8, detail);
            s.setString(9, prev);
            s.setString(10, hash);
            s.executeUpdate();
        }
        return new AuditEntry(seq, at, event.event(), event.outcome(), event.actor(), event.person(), event.client(),
                detail, prev, hash);
    }

    /** Newest first. */
    public List<AuditEntry> latest(int limit) {
        return query("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT " + limit);
    }

    public AuditVerification verify() {
        return AuditChain.verify(all());
    }

    /** Every entry, oldest first. */
    public List<AuditEntry> all() {
        return query("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq");
    }

    private List<AuditEntry> query(String sql) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit log read failed: " + e.getSQLState(), e);
        }
        return entries;
    }

    /** Every column as the client may have written it, made storable (see {@link AuditText}). */
    static AuditEvent escaped(AuditEvent e) {
        return new AuditEvent(AuditText.escape(e.event()), AuditText.escape(e.outcome()), AuditText.escape(e.actor()),
                AuditText.escape(e.person()), AuditText.escape(e.client()), AuditText.escape(e.detail()));
    }

    private static String clip(String detail) {
        if (detail == null || detail.length() <= MAX_DETAIL) {
            return detail;
        }
        int cut = Character.isHighSurrogate(detail.charAt(MAX_DETAIL - 1)) ? MAX_DETAIL - 1 : MAX_DETAIL;
        return detail.substring(0, cut) + "… (" + detail.length() + " chars)";
    }
}
