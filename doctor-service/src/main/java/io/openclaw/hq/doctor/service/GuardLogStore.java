package io.openclaw.hq.doctor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.doctor.model.CheckStatus;
import io.openclaw.hq.doctor.model.GuardEntry;
import io.openclaw.hq.doctor.model.GuardOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The guard log in PostgreSQL: appended once per guard run, read newest first. */
@ApplicationScoped
public class GuardLogStore {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public GuardLogStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public void append(GuardEntry entry) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO guard_log (at, run_id, target, outcome, doctor_status, failing, actions, alerts, message)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)""")) {
            s.setTimestamp(1, Timestamp.from(entry.at()));
            s.setString(2, entry.runId());
            s.setString(3, entry.target());
            s.setString(4, entry.outcome().name());
            s.setString(5, entry.doctorStatus() == null ? null : entry.doctorStatus().name());
            s.setString(6, Json.write(json, entry.failing()));
            s.setString(7, Json.write(json, entry.actions()));
            s.setString(8, Json.write(json, entry.alerts()));
            s.setString(9, entry.message());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("guard_log: " + e.getMessage(), e);
        }
    }

    /** The newest {@code limit} entries, newest first. */
    public List<GuardEntry> latest(int limit) {
        List<GuardEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM guard_log ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("guard_log: " + e.getMessage(), e);
        }
        return entries;
    }

    /** The newest {@code limit} entries in the order they were written, as a log tail reads. */
    public List<GuardEntry> tail(int limit) {
        List<GuardEntry> entries = new ArrayList<>(latest(limit));
        Collections.reverse(entries);
        return entries;
    }

    private GuardEntry read(ResultSet rs) throws SQLException {
        String doctorStatus = rs.getString("doctor_status");
        return new GuardEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("run_id"),
                rs.getString("target"), GuardOutcome.valueOf(rs.getString("outcome")),
                doctorStatus == null ? null : CheckStatus.valueOf(doctorStatus),
                Json.strings(json, rs.getString("failing")), Json.strings(json, rs.getString("actions")),
                Json.strings(json, rs.getString("alerts")), rs.getString("message"));
    }
}
