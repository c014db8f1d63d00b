package io.openclaw.hq.gateway.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Refusals of requests that carry no valid credential: anyone can send those, as fast as they
 * like, so each is counted (table {@code audit_refusal_tally}, per minute, kind and client) and
 * only the first {@code gateway.audit.refusals-in-full-per-minute} of each are audited in full.
 * When a minute is over it is sealed: one chained entry {@code audit.refusals} per kind and
 * client states the exact count, and the tally row goes. The chain stays append-only and
 * verifiable; the database grows with time, not with requests.
 */
@ApplicationScoped
public class UnauthenticatedRefusals {

    static final String SUMMARY_EVENT = "audit.refusals";
    static final String OTHER_CLIENTS = "(other clients)";
    private static final Logger LOG = Logger.getLogger(UnauthenticatedRefusals.class);

    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final AuditConfig config;
    private final Set<String> clientsThisMinute = ConcurrentHashMap.newKeySet();
    private volatile Instant clientsMinute = Instant.EPOCH;
    private ScheduledExecutorService sealer;

    public UnauthenticatedRefusals(AgroalDataSource dataSource, AuditLog audit, AuditConfig config) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        sealer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-refusal-sealer");
            t.setDaemon(true);
            return t;
        });
        long every = config.sealEvery().toMillis();
        sealer.scheduleWithFixedDelay(this::sealQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (sealer != null) {
            sealer.shutdownNow();
        }
        sealQuietly();
    }

    /** Counts the refusal, and audits it in full while its minute's sample is not yet full. */
    public void record(AuditEvent refusal) {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String client = bucket(minute, refusal.client() == null ? "unknown" : refusal.client());
        long count;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_refusal_tally (minute, event, outcome, client, refused) VALUES (?, ?, ?, ?, 1) "
                        + "ON CONFLICT (minute, event, outcome, client) DO UPDATE SET refused = audit_refusal_tally.refused + 1 "
                        + "RETURNING refused")) {
            s.setTimestamp(1, Timestamp.from(minute));
            s.setString(2, AuditText.escape(refusal.event()));
            s.setString(3, AuditText.escape(refusal.outcome()));
            s.setString(4, AuditText.escape(client));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit refusal tally failed: " + e.getSQLState(), e);
        }
        if (count <= config.refusalsInFullPerMinute()) {
            audit.append(refusal);
        }
    }

    /** The client as counted: itself, or the shared bucket once a minute has seen too many. */
    private String bucket(Instant minute, String client) {
        if (!minute.equals(clientsMinute)) {
            synchronized (clientsThisMinute) {
                if (!minute.equals(clientsMinute)) {
                    clientsThisMinute.clear();
                    clientsMinute = minute;
                }
            }
        }
        if (clientsThisMinute.contains(client)) {
            return client;
        }
        if (clientsThisMinute.size() >= config.refusalClientsPerMinute()) {
            return OTHER_CLIENTS;
        }
        clientsThisMinute.add(client);
        return client;
    }

    /**
     * Seals every minute that began before {@code before}'s minute: one chained entry per kind and
     * client with the exact count, appended in the same transaction that deletes the tally rows,
     * so a count is neither lost nor stated twice.
     *
     * @return how many summary entries were appended
     */
    public int sealBefore(Instant before) {
        Instant cutoff = before.truncatedTo(ChronoUnit.MINUTES);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(
                        "DELETE FROM audit_refusal_tally WHERE minute < ? RETURNING minute, event, outcome, client, refused")) {
                    s.setTimestamp(1, Timestamp.from(cutoff));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getLong(5)});
                        }
                    }
                }
                rows.sort(java.util.Comparator.comparing((Object[] r) -> (Instant) r[0]).thenComparing(r -> (String) r[3])
                        .thenComparing(r -> (String) r[1]).thenComparing(r -> (String) r[2]));
                for (Object[] r : rows) {
                    audit.appendIn(c, summary((Instant) r[0], (String) r[1], (String) r[2], (String) r[3], (Long) r[4]));
                }
                c.commit();
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit refusal seal failed: " + e.getSQLState(), e);
        }
    }

    private AuditEvent summary(Instant minute, String event, String outcome, String client, long refused) {
        long inFull = Math.min(refused, config.refusalsInFullPerMinute());
        return new AuditEvent(SUMMARY_EVENT, "counted", "anonymous", null, client,
                refused + " × " + event + "/" + outcome + " in the minute from " + minute + " (" + inFull
                        + " of them audited in full)");
    }

    private void sealQuietly() {
        try {
            sealBefore(Instant.now());
        } catch (RuntimeException e) {
            // the rows stay; the next round seals them
            LOG.warnf("sealing counted refusals failed: %s", e.getMessage());
        }
    }
}
