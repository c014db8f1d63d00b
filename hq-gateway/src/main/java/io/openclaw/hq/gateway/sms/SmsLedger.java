package io.openclaw.hq.gateway.sms;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The message SIDs already read (table {@code sms_inbound}). A message is claimed here before it is
 * acted on; the primary key makes the claim succeed once, whatever lists it again: the next poll,
 * a later page, two pollers, a restart. A crash after the claim loses that one command rather than
 * running it twice.
 */
@ApplicationScoped
public class SmsLedger {

    /** Twilio is asked for a day or two back; a SID older than this cannot be listed again. */
    static final Duration KEEP = Duration.ofDays(7);

    private final AgroalDataSource dataSource;

    public SmsLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this call claimed the SID; false when it was claimed before. */
    public boolean claim(InboundSms message, String sender) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO sms_inbound (sid, sender, sent_at, claimed_at, outcome) VALUES (?, ?, ?, now(), 'claimed') "
                        + "ON CONFLICT (sid) DO NOTHING")) {
            s.setString(1, message.sid());
            s.setString(2, sender);
            s.setTimestamp(3, message.sentAt() == null ? null : Timestamp.from(message.sentAt()));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("sms ledger: " + e.getSQLState(), e);
        }
    }

    public void settle(String sid, String outcome) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE sms_inbound SET outcome = ? WHERE sid = ?")) {
            s.setString(1, outcome);
            s.setString(2, sid);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("sms ledger: " + e.getSQLState(), e);
        }
    }

    public void forgetOlderThan(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM sms_inbound WHERE claimed_at < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("sms ledger: " + e.getSQLState(), e);
        }
    }
}
