package io.openclaw.hq.runner.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.runner.model.Invariants;
import io.openclaw.hq.runner.model.Job;
import io.openclaw.hq.runner.model.JobOutcome;
import io.openclaw.hq.runner.model.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code jobs} table: the queue and the record of every job. Workers claim with
 * {@code FOR UPDATE SKIP LOCKED}, lowest {@code seq} first among repositories with nothing running;
 * the unique index on running jobs per repository makes a lost race an error, never two jobs at once.
 */
@ApplicationScoped
public class JobStore {

    private static final String COLUMNS = "id, job_type, repo, requested_sha, sha, params, status, run_id, trigger, "
            + "actor, queued_at, started_at, finished_at, error_class, error, changed_files, read_only_ok, "
            + "clean_tree_ok, warnings, worktree";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<TreeMap<String, String>> PARAMS = new TypeReference<>() {
    };
    private static final String ADMISSION_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('runner-service/queue-admission', 0))";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public JobStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues a job, or throws {@link QueueFullException} when {@code capacity} jobs already wait. */
    public Job enqueue(String id, String jobType, String repo, String requestedSha, Map<String, String> params,
            RunTrigger trigger, String actor, Instant now, int capacity) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // admissions one at a time, so the count and the insert agree
                try (PreparedStatement lock = c.prepareStatement(ADMISSION_LOCK)) {
                    lock.execute();
                }
                try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM jobs WHERE status = 'queued'");
                        ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= capacity) {
                        c.rollback();
                        throw new QueueFullException(capacity);
                    }
                }
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO jobs (id, job_type, repo, requested_sha, params, status, trigger, actor, queued_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, 'queued', ?, ?, ?)""")) {
                    insert.setString(1, id);
                    insert.setString(2, jobType);
                    insert.setString(3, repo);
                    insert.setString(4, requestedSha);
                    insert.setString(5, toJson(new TreeMap<>(params)));
                    insert.setString(6, trigger.wire());
                    insert.setString(7, actor);
                    insert.setTimestamp(8, Timestamp.from(now));
                    insert.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("jobs table: " + e.getMessage(), e);
        }
        return find(id).orElseThrow();
    }

    /**
     * The oldest queued job whose repository has nothing running, now marked running; empty when
     * there is none. Another worker's claim of a job of the same repository loses on the unique
     * index and answers empty too: it looks again on its next turn.
     */
    public Optional<Job> claimNext(Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement claim = c.prepareStatement("""
                    UPDATE jobs SET status = 'running', started_at = ?
                     WHERE id = (SELECT q.id FROM jobs q
                                  WHERE q.status = 'queued'
                                    AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.repo = q.repo AND r.status = 'running')
                                  ORDER BY q.seq
                                  LIMIT 1
                                  FOR UPDATE SKIP LOCKED)
                    RETURNING id""")) {
                claim.setTimestamp(1, Timestamp.from(now));
                String id = null;
                try (ResultSet rs = claim.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getString(1);
                    }
                }
                c.commit();
                return id == null ? Optional.empty() : find(id);
            } catch (SQLException e) {
                c.rollback();
                if ("23505".equals(e.getSQLState())) {
                    return Optional.empty();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("jobs table: " + e.getMessage(), e);
        }
    }

    /** The run that records the job, once it exists. */
    public void attachRun(String id, String runId) {
        update("UPDATE jobs SET run_id = ? WHERE id = ?", s -> {
            s.setString(1, runId);
            s.setString(2, id);
        });
    }

    /** The commit the job runs at and its worktree, noted before anything runs in it. */
    public void noteWorktree(String id, String sha, String worktree) {
        update("UPDATE jobs SET sha = ?, worktree = ? WHERE id = ?", s -> {
            s.setString(1, sha);
            s.setString(2, worktree);
            s.setString(3, id);
        });
    }

    public void finish(String id, JobOutcome outcome, Instant now) {
        update("""
                UPDATE jobs SET status = ?, finished_at = ?, error_class = ?, error = ?, changed_files = ?::jsonb,
                       read_only_ok = ?, clean_tree_ok = ?, warnings = ?::jsonb, worktree = NULL
                 WHERE id = ? AND status = 'running'""", s -> {
            s.setString(1, outcome.status().wire());
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, outcome.errorClass());
            s.setString(4, outcome.error());
            s.setString(5, toJson(outcome.changedFiles()));
            setBoolean(s, 6, outcome.invariants() == null ? null : outcome.invariants().readOnlyOk());
            setBoolean(s, 7, outcome.invariants() == null ? null : outcome.invariants().cleanTreeOk());
            s.setString(8, toJson(outcome.warnings()));
            s.setString(9, id);
        });
    }

    /** Every job left running by a process that is gone, now interrupted; returned with its worktree. */
    public List<Job> interruptRunning(Instant now, String reason) {
        List<Job> running = query("SELECT " + COLUMNS + " FROM jobs WHERE status = 'running' ORDER BY seq", s -> {
        });
        update("""
                UPDATE jobs SET status = 'interrupted', finished_at = ?, error_class = 'INTERRUPTED', error = ?,
                       worktree = NULL
                 WHERE status = 'running'""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, reason);
        });
        return running;
    }

    public Optional<Job> find(String id) {
        return query("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", s -> s.setString(1, id)).stream().findFirst()
                .map(this::withPosition);
    }

    /** Newest first, optionally of one repository. */
    public List<Job> list(int limit, String repo) {
        if (repo == null) {
            return query("SELECT " + COLUMNS + " FROM jobs ORDER BY seq DESC LIMIT ?", s -> s.setInt(1, limit))
                    .stream().map(this::withPosition).toList();
        }
        return query("SELECT " + COLUMNS + " FROM jobs WHERE repo = ? ORDER BY seq DESC LIMIT ?", s -> {
            s.setString(1, repo);
            s.setInt(2, limit);
        }).stream().map(this::withPosition).toList();
    }

    /** The status of the last finished job of this type on this repository before {@code id}. */
    public Optional<JobStatus> previousOutcome(String jobType, String repo, String id) {
        return query("SELECT " + COLUMNS + " FROM jobs WHERE job_type = ? AND repo = ? AND id <> ? "
                + "AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1", s -> {
            s.setString(1, jobType);
            s.setString(2, repo);
            s.setString(3, id);
        }).stream().findFirst().map(Job::status);
    }

    private Job withPosition(Job job) {
        if (job.status() != JobStatus.QUEUED) {
            return job;
        }
        List<Long> position = new ArrayList<>();
        select("SELECT count(*) FROM jobs WHERE status = 'queued' AND seq <= (SELECT seq FROM jobs WHERE id = ?)",
                s -> s.setString(1, job.id()), rs -> position.add(rs.getLong(1)));
        // 0: a worker took it between the two reads; it is no longer waiting
        return job.withQueuePosition(position.isEmpty() || position.get(0) == 0 ? null : position.get(0).intValue());
    }

    private Job read(ResultSet rs) throws SQLException {
        Instant queued = rs.getTimestamp("queued_at").toInstant();
        Instant started = instant(rs, "started_at");
        Instant finished = instant(rs, "finished_at");
        Boolean readOnly = (Boolean) rs.getObject("read_only_ok");
        Boolean cleanTree = (Boolean) rs.getObject("clean_tree_ok");
        return new Job(rs.getString("id"), rs.getString("job_type"), rs.getString("repo"),
                rs.getString("requested_sha"), rs.getString("sha"), fromJson(rs.getString("params"), PARAMS),
                JobStatus.fromWire(rs.getString("status")), null, rs.getString("run_id"),
                RunTrigger.fromWire(rs.getString("trigger")), rs.getString("actor"), queued, started, finished,
                started == null ? null : started.toEpochMilli() - queued.toEpochMilli(),
                started == null || finished == null ? null : finished.toEpochMilli() - started.toEpochMilli(),
                rs.getString("error_class"), rs.getString("error"), fromJson(rs.getString("changed_files"), STRINGS),
                readOnly == null || cleanTree == null ? null : new Invariants(readOnly, cleanTree),
                fromJson(rs.getString("warnings"), STRINGS), rs.getString("worktree"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void setBoolean(PreparedStatement s, int index, Boolean value) throws SQLException {
        if (value == null) {
            s.setNull(index, java.sql.Types.BOOLEAN);
        } else {
            s.setBoolean(index, value);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("jobs table: " + e.getMessage(), e);
        }
    }

    private void select(String sql, Binder binder, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("jobs table: " + e.getMessage(), e);
        }
    }

    private List<Job> query(String sql, Binder binder) {
        List<Job> result = new ArrayList<>();
        select(sql, binder, rs -> result.add(read(rs)));
        return result;
    }
}
