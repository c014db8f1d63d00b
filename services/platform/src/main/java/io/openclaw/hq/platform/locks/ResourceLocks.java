package io.openclaw.hq.platform.locks;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.platform.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Per-resource locks ({@code host:<target>}, {@code soma}, {@code repo:<name>}) on PostgreSQL
 * session advisory locks, with the holder's run id noted in {@code resource_locks} so that a
 * second taker can be told whose run is in the way.
 */
@ApplicationScoped
public class ResourceLocks {

    /** Tries, a pause apart, to either take a lock or learn its holder before calling the holder "unknown". */
    private static final int HOLDER_NOTE_TRIES = 5;
    private static final long HOLDER_NOTE_PAUSE_MS = 10;

    private final AgroalDataSource dataSource;
    private final PlatformConfig config;

    public ResourceLocks(AgroalDataSource dataSource, PlatformConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    public LockAttempt tryAcquire(String resource, String runId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            long key = keyOf(connection, resource);
            for (int attempt = 1; ; attempt++) {
                if (tryLock(connection, key)) {
                    note(connection, resource, runId);
                    return new LockAttempt.Acquired(new LockHandle(resource, runId, key, connection));
                }
                Optional<String> holder = holderOf(connection, resource);
                // no note: the holder has just locked and not yet noted itself, or has just removed
                // its note and is letting go; a moment later one of the two has settled
                if (holder.isPresent() || attempt == HOLDER_NOTE_TRIES || !pause()) {
                    connection.close();
                    return new LockAttempt.Locked(resource, holder.orElse("unknown"));
                }
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("lock " + resource + " could not be taken: " + e.getMessage(), e);
        }
    }

    /** The lock, or a {@link ResourceLockedException} that the problem mapper answers with 409. */
    public LockHandle acquire(String resource, String runId) {
        LockAttempt attempt = tryAcquire(resource, runId);
        if (attempt instanceof LockAttempt.Acquired acquired) {
            return acquired.handle();
        }
        LockAttempt.Locked locked = (LockAttempt.Locked) attempt;
        throw new ResourceLockedException(locked.resource(), locked.holderRunId());
    }

    private long keyOf(Connection connection, String resource) throws SQLException {
        // advisory locks are database-wide; the service name keeps two services' resources apart
        try (PreparedStatement hash = connection.prepareStatement("SELECT hashtextextended(?, 0)")) {
            hash.setString(1, config.serviceName() + "/" + resource);
            try (ResultSet rs = hash.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void note(Connection connection, String resource, String runId) throws SQLException {
        try (PreparedStatement note = connection.prepareStatement("""
                INSERT INTO resource_locks (resource, run_id, acquired_at) VALUES (?, ?, now())
                ON CONFLICT (resource) DO UPDATE SET run_id = EXCLUDED.run_id, acquired_at = EXCLUDED.acquired_at
                """)) {
            note.setString(1, resource);
            note.setString(2, runId);
            note.executeUpdate();
        }
    }

    private static Optional<String> holderOf(Connection connection, String resource) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT run_id FROM resource_locks WHERE resource = ?")) {
            read.setString(1, resource);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** False when interrupted: then the caller answers with what it knows instead of waiting. */
    private static boolean pause() {
        try {
            Thread.sleep(HOLDER_NOTE_PAUSE_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session ends either way
            }
        }
    }
}
