package io.openclaw.hq.notify.store;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.notify.model.Channel;
import io.openclaw.hq.notify.model.DeliveryOutcome;
import io.openclaw.hq.notify.model.DeliveryRecord;
import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.notify.model.Severity;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deliveries}, the delivery log. Titles and errors pass through the {@link Redactor} on the
 * way in, so no credential reaches a row whatever a provider echoes back.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final String COLUMNS = "id, created_at, finished_at, run_id, check_id, kind, channel, recipient, "
            + "severity, title, status, provider_status, provider_reference, error";

    /** What is known about a delivery before the provider is called. */
    public record NewDelivery(Instant createdAt, String runId, String checkId, NotificationKind kind, Channel channel,
            String recipient, Severity severity, String title, DeliveryOutcome status, String error) {
    }

    private final AgroalDataSource dataSource;

    public DeliveryStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long insert(NewDelivery d) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO deliveries (created_at, finished_at, run_id, "
                        + "check_id, kind, channel, recipient, severity, title, status, error) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.setInstant(s, 1, d.createdAt());
            Jdbc.setInstant(s, 2, d.status() == DeliveryOutcome.SENDING ? null : d.createdAt());
            s.setString(3, d.runId());
            s.setString(4, d.checkId());
            s.setString(5, d.kind().wire());
            s.setString(6, d.channel().wire());
            s.setString(7, d.recipient());
            s.setString(8, d.severity() == null ? null : d.severity().wire());
            s.setString(9, Redactor.redact(d.title()));
            s.setString(10, d.status().wire());
            s.setString(11, Redactor.redact(d.error()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("deliveries", e);
        }
    }

    public void finish(long id, DeliveryOutcome status, Integer providerStatus, String providerReference, String error,
            Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE deliveries SET status = ?, finished_at = ?, "
                        + "provider_status = ?, provider_reference = ?, error = ? WHERE id = ?")) {
            s.setString(1, status.wire());
            Jdbc.setInstant(s, 2, at);
            Jdbc.setInteger(s, 3, providerStatus);
            s.setString(4, Redactor.redact(providerReference));
            s.setString(5, Redactor.redact(error));
            s.setLong(6, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("deliveries", e);
        }
    }

    /** Newest first. */
    public List<DeliveryRecord> newest(int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM deliveries ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<DeliveryRecord> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("deliveries", e);
        }
    }

    /** One channel's deliveries since a moment: how many ended each way, the last that arrived, the last that did not. */
    public record ChannelActivity(java.util.Map<String, Long> byStatus, Instant lastSentAt, Instant lastFailedAt,
            String lastError) {
    }

    public ChannelActivity activity(Channel channel, Instant since) {
        try (Connection c = dataSource.getConnection()) {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT status, count(*) FROM deliveries "
                    + "WHERE channel = ? AND created_at >= ? GROUP BY status")) {
                s.setString(1, channel.wire());
                Jdbc.setInstant(s, 2, since);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            Instant lastSent = null;
            try (PreparedStatement s = c.prepareStatement("SELECT max(finished_at) AS at FROM deliveries "
                    + "WHERE channel = ? AND status = 'sent'")) {
                s.setString(1, channel.wire());
                try (ResultSet rs = s.executeQuery()) {
                    lastSent = rs.next() ? Jdbc.instant(rs, "at") : null;
                }
            }
            Instant lastFailed = null;
            String lastError = null;
            try (PreparedStatement s = c.prepareStatement("SELECT finished_at AS at, error FROM deliveries "
                    + "WHERE channel = ? AND status IN ('failed', 'interrupted', 'not_configured') ORDER BY id DESC LIMIT 1")) {
                s.setString(1, channel.wire());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        lastFailed = Jdbc.instant(rs, "at");
                        lastError = rs.getString("error");
                    }
                }
            }
            return new ChannelActivity(counts, lastSent, lastFailed, lastError);
        } catch (SQLException e) {
            throw Jdbc.failure("deliveries", e);
        }
    }

    /** Deliveries left {@code sending} by a process that stopped mid-send; returns how many. */
    public int interruptInFlight(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE deliveries SET status = 'interrupted', finished_at = ?, "
                        + "error = 'the service stopped while this delivery was in flight; it may or may not have arrived' "
                        + "WHERE status = 'sending'")) {
            Jdbc.setInstant(s, 1, now);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("deliveries", e);
        }
    }

    private static DeliveryRecord read(ResultSet rs) throws SQLException {
        String severity = rs.getString("severity");
        return new DeliveryRecord(rs.getLong("id"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "finished_at"),
                rs.getString("run_id"), rs.getString("check_id"), NotificationKind.fromWire(rs.getString("kind")),
                Channel.fromWire(rs.getString("channel")), rs.getString("recipient"),
                severity == null ? null : Severity.fromWire(severity), rs.getString("title"),
                DeliveryOutcome.fromWire(rs.getString("status")), Jdbc.integer(rs, "provider_status"),
                rs.getString("provider_reference"), rs.getString("error"));
    }
}
