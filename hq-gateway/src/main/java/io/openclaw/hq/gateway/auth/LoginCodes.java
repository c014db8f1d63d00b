package io.openclaw.hq.gateway.auth;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.platform.secrets.SecretMasking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * One-time login codes ({@code ./hq login-link}): 256 random bits, good for one exchange within
 * {@code gateway.session.login-code-ttl} (a minute). Only the SHA-256 of a code is stored, so a
 * copy of the table opens nothing; the exchange is a single conditional UPDATE, so two browsers
 * racing with the same code cannot both win.
 */
@ApplicationScoped
public class LoginCodes {

    /** What a code looks like: base64url of 32 bytes. Anything else is refused before the database. */
    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    public record Minted(String code, Instant expiresAt) {

        @Override
        public String toString() {
            return "Minted[code hidden, expiresAt=" + expiresAt + "]";
        }
    }

    public enum Outcome {
        REDEEMED, UNKNOWN, USED, EXPIRED
    }

    private final AgroalDataSource dataSource;
    private final GatewayConfig config;

    public LoginCodes(AgroalDataSource dataSource, GatewayConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public Minted mint() {
        String code = SessionStore.randomToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(config.session().loginCodeTtl());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM login_codes WHERE expires_at < ?")) {
                // a day of history, so a late click is told "expired", not "unknown"
                purge.setTimestamp(1, Timestamp.from(now.minusSeconds(86_400)));
                purge.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO login_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)")) {
                s.setString(1, SecretMasking.sha256Hex(code));
                s.setTimestamp(2, Timestamp.from(now));
                s.setTimestamp(3, Timestamp.from(expires));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("login codes: " + e.getSQLState(), e);
        }
        return new Minted(code, expires);
    }

    /** Spends the code if it is known, unused and unexpired; otherwise says which it was not. */
    public Outcome redeem(String code, String client) {
        if (code == null || !SHAPE.matcher(code).matches()) {
            return Outcome.UNKNOWN;
        }
        String hash = SecretMasking.sha256Hex(code);
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement spend = c.prepareStatement("UPDATE login_codes SET used_at = ?, used_by = ?"
                    + " WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")) {
                spend.setTimestamp(1, Timestamp.from(now));
                spend.setString(2, client);
                spend.setString(3, hash);
                spend.setTimestamp(4, Timestamp.from(now));
                if (spend.executeUpdate() == 1) {
                    return Outcome.REDEEMED;
                }
            }
            try (PreparedStatement why = c.prepareStatement("SELECT used_at FROM login_codes WHERE code_hash = ?")) {
                why.setString(1, hash);
                try (ResultSet rs = why.executeQuery()) {
                    if (!rs.next()) {
                        return Outcome.UNKNOWN;
                    }
                    return rs.getTimestamp(1) != null ? Outcome.USED : Outcome.EXPIRED;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("login codes: " + e.getSQLState(), e);
        }
    }
}
