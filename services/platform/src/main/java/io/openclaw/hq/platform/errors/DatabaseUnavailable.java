package io.openclaw.hq.platform.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a database that cannot be reached apart from a bug. Only failures to get or keep a
 * connection count: the first is a 503 (try again when PostgreSQL is back), anything else that
 * PostgreSQL answered (a constraint, a syntax error, a missing table) stays a 500, because
 * waiting would not fix it. Only the database's own failures are read: a refused connection to
 * another service or a provider (a bare {@code ConnectException}) is not the database's, and the
 * driver reports its own refused connection as SQLState 08001.
 */
public final class DatabaseUnavailable {

    /** SQLState class 08: connection exception (refused, broken, closed, failed to establish). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /**
     * Operator intervention that ends or refuses sessions: admin_shutdown (PostgreSQL stopped),
     * crash_shutdown, cannot_connect_now (still starting); too_many_connections: no session to be had.
     */
    private static final Set<String> SESSION_REFUSED = Set.of("57P01", "57P02", "57P03", "53300");
    /** Agroal's two ways of saying no connection came within its acquisition timeout; they carry no SQLState. */
    private static final String AGROAL_ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseUnavailable() {
    }

    /** True when {@code failure} or any of its causes says the database could not be reached. */
    public static boolean explains(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (isUnreachable(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreachable(Throwable t) {
        if (t instanceof DatabaseUnavailableException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null) {
                return state.startsWith(CONNECTION_EXCEPTION_CLASS) || SESSION_REFUSED.contains(state);
            }
            String message = sql.getMessage();
            return message != null && message.toLowerCase(Locale.ROOT).contains(AGROAL_ACQUISITION_TIMEOUT);
        }
        return false;
    }
}
