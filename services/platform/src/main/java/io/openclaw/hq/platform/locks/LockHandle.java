package io.openclaw.hq.platform.locks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * A held advisory lock. The lock belongs to the database session of {@link #connection}, so if
 * this process dies PostgreSQL releases it by itself; {@link #close()} releases it now.
 */
public final class LockHandle implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LockHandle.class);

    private final String resource;
    private final String runId;
    private final long key;
    private final Connection connection;
    private boolean closed;

    LockHandle(String resource, String runId, long key, Connection connection) {
        this.resource = resource;
        this.runId = runId;
        this.key = key;
        this.connection = connection;
    }

    public String resource() {
        return resource;
    }

    public String runId() {
        return runId;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (connection) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM resource_locks WHERE resource = ? AND run_id = ?")) {
                delete.setString(1, resource);
                delete.setString(2, runId);
                delete.executeUpdate();
            }
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
            }
        } catch (SQLException e) {
            // closing the connection ends the session, which releases the lock anyway
            LOG.warnf("releasing lock %s: %s", resource, e.getMessage());
        }
    }
}
