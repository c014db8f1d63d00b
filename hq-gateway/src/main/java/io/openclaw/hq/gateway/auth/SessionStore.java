package io.openclaw.hq.gateway.auth;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.platform.secrets.SecretMasking;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

/**
 * Sessions in the gateway's schema, so they survive a restart. The table holds the SHA-256 of
 * each cookie value, never the value, and a session ends at a fixed time after login.
 */
@ApplicationScoped
public class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource dataSource;
    private final GatewayConfig config;

    public SessionStore(AgroalDataSource dataSource, GatewayConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** A session bound to the console token it was opened under ({@code tokenFingerprint}). */
    public NewSession create(String actor, String person, String tokenFingerprint) {
        String cookieValue = randomToken();
        String csrf = randomToken();
        Instant now = Instant.now();
        Instant expires = now.plus(config.session().ttl());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM sessions WHERE expires_at < ?")) {
                // expired rows are kept for a day so a late cookie is told "expired", not "unknown"
                purge.setTimestamp(1, Timestamp.from(now.minusSeconds(86_400)));
                purge.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO sessions (id_hash, csrf_token, actor, person, created_at, expires_at, token_fingerprint)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, SecretMasking.sha256Hex(cookieValue));
                s.setString(2, csrf);
                s.setString(3, actor);
                s.setString(4, person);
                s.setTimestamp(5, Timestamp.from(now));
                s.setTimestamp(6, Timestamp.from(expires));
                s.setString(7, tokenFingerprint);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("session store: " + e.getSQLState(), e);
        }
        return new NewSession(cookieValue, csrf, expires);
    }

    public SessionLookup find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 200) {
            return SessionLookup.unknown();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT actor, person, csrf_token, expires_at, token_fingerprint FROM sessions WHERE id_hash = ?")) {
            s.setString(1, SecretMasking.sha256Hex(cookieValue));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return SessionLookup.unknown();
                }
                Instant expires = rs.getTimestamp(4).toInstant();
                SessionLookup.State state = expires.isAfter(Instant.now()) ? SessionLookup.State.VALID
                        : SessionLookup.State.EXPIRED;
                return new SessionLookup(state, rs.getString(1), rs.getString(2), rs.getString(3), expires,
                        rs.getString(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("session store: " + e.getSQLState(), e);
        }
    }

    public void end(String cookieValue) {
        if (cookieValue == null) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ?")) {
            s.setString(1, SecretMasking.sha256Hex(cookieValue));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("session store: " + e.getSQLState(), e);
        }
    }

    /** Ends every session not opened under this console token; answers how many ended. */
    public int endAllBut(String tokenFingerprint) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE token_fingerprint <> ?")) {
            s.setString(1, tokenFingerprint);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("session store: " + e.getSQLState(), e);
        }
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
