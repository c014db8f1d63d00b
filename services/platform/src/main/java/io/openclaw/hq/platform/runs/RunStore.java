package io.openclaw.hq.platform.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code runs} table of the service's own schema. */
@ApplicationScoped
public class RunStore {

    private static final String COLUMNS = "id, project, service, action, trigger, actor, status, started_at, "
            + "finished_at, duration_ms, summary, error, artifacts, warnings, parent_run_id";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public RunStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(RunRecord run, String area) {
        execute("INSERT INTO runs (" + COLUMNS + ", area) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)",
                statement -> {
                    bindAll(statement, run);
                    statement.setString(16, area);
                });
    }

    /** The artifact area of a run, where its run.json and output.log live. */
    public Optional<String> areaOf(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT area FROM runs WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("runs table: " + e.getMessage(), e);
        }
    }

    public void update(RunRecord run) {
        execute("""
                UPDATE runs SET status = ?, finished_at = ?, duration_ms = ?, summary = ?, error = ?,
                       artifacts = ?::jsonb, warnings = ?::jsonb
                 WHERE id = ?""", statement -> {
            statement.setString(1, run.status().wire());
            setInstant(statement, 2, run.finishedAt());
            setLong(statement, 3, run.durationMs());
            statement.setString(4, run.summary());
            statement.setString(5, run.error());
            statement.setString(6, toJson(run.artifacts()));
            statement.setString(7, toJson(run.warnings()));
            statement.setString(8, run.id());
        });
    }

    /** A run that needs a lock begins when it has it, not when it was asked for. */
    public void updateStartedAt(String id, Instant startedAt) {
        execute("UPDATE runs SET started_at = ? WHERE id = ?", statement -> {
            setInstant(statement, 1, startedAt);
            statement.setString(2, id);
        });
    }

    public Optional<RunRecord> find(String id) {
        List<RunRecord> found = query("SELECT " + COLUMNS + " FROM runs WHERE id = ?", s -> s.setString(1, id));
        return found.stream().findFirst();
    }

    /** Newest first; {@code since} bounds the start time from below when given. */
    public List<RunRecord> list(Instant since, int limit) {
        if (since == null) {
            return query("SELECT " + COLUMNS + " FROM runs ORDER BY started_at DESC, id DESC LIMIT ?",
                    s -> s.setInt(1, limit));
        }
        return query("SELECT " + COLUMNS + " FROM runs WHERE started_at >= ? ORDER BY started_at DESC, id DESC LIMIT ?",
                s -> {
                    setInstant(s, 1, since);
                    s.setInt(2, limit);
                });
    }

    /** Marks every run left {@code running} by a previous process as interrupted and returns their ids. */
    public List<RunRecord> interruptAbandoned(Instant now, String reason) {
        return query("""
                UPDATE runs SET status = 'interrupted', finished_at = ?,
                       duration_ms = (EXTRACT(EPOCH FROM (?::timestamptz - started_at)) * 1000)::bigint,
                       error = ?
                 WHERE status = 'running'
                RETURNING """ + " " + COLUMNS, s -> {
            setInstant(s, 1, now);
            setInstant(s, 2, now);
            s.setString(3, reason);
        });
    }

    private void bindAll(PreparedStatement s, RunRecord run) throws SQLException {
        s.setString(1, run.id());
        s.setString(2, run.project());
        s.setString(3, run.service());
        s.setString(4, run.action());
        s.setString(5, run.trigger().wire());
        s.setString(6, run.actor());
        s.setString(7, run.status().wire());
        setInstant(s, 8, run.startedAt());
        setInstant(s, 9, run.finishedAt());
        setLong(s, 10, run.durationMs());
        s.setString(11, run.summary());
        s.setString(12, run.error());
        s.setString(13, toJson(run.artifacts()));
        s.setString(14, toJson(run.warnings()));
        s.setString(15, run.parentRunId());
    }

    private RunRecord read(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        long duration = rs.getLong("duration_ms");
        Long durationMs = rs.wasNull() ? null : duration;
        return new RunRecord(rs.getString("id"), rs.getString("project"), rs.getString("service"),
                rs.getString("action"), RunTrigger.fromWire(rs.getString("trigger")), rs.getString("actor"),
                RunStatus.fromWire(rs.getString("status")), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), durationMs, rs.getString("summary"),
                rs.getString("error"), fromJson(rs.getString("artifacts")), fromJson(rs.getString("warnings")),
                rs.getString("parent_run_id"));
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> fromJson(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setTimestamp(index, Timestamp.from(value));
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("runs table: " + e.getMessage(), e);
        }
    }

    private List<RunRecord> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                List<RunRecord> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(read(rs));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("runs table: " + e.getMessage(), e);
        }
    }
}
