package io.openclaw.hq.doctor.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.DoctorReport;
import io.openclaw.hq.doctor.model.HistoryPoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Doctor reports in PostgreSQL: the whole report as JSON, and one row per check for the history chart. */
@ApplicationScoped
public class ReportStore {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ReportStore(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Report and its check rows in one transaction: never a report without its history. */
    public void save(DoctorReport report, String trigger) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO doctor_reports (run_id, target, mode, trigger, started_at, duration_ms, status, report)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                    s.setString(1, report.runId());
                    s.setString(2, report.target());
                    s.setString(3, report.mode());
                    s.setString(4, trigger);
                    s.setTimestamp(5, Timestamp.from(report.startedAt()));
                    s.setLong(6, report.durationMs());
                    s.setString(7, report.status().name());
                    s.setString(8, Json.write(json, report));
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO doctor_check_results (run_id, check_id, status, started_at) VALUES (?, ?, ?, ?)")) {
                    for (CheckResult check : report.checks()) {
                        s.setString(1, report.runId());
                        s.setString(2, check.id());
                        s.setString(3, check.status().name());
                        s.setTimestamp(4, Timestamp.from(report.startedAt()));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("doctor_reports: " + e.getMessage(), e);
        }
    }

    public List<DoctorReport> latest(int limit) {
        List<DoctorReport> reports = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT report::text FROM doctor_reports ORDER BY started_at DESC, run_id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reports.add(json.readValue(rs.getString(1), DoctorReport.class));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("doctor_reports: " + e.getMessage(), e);
        }
        return reports;
    }

    public java.util.Optional<DoctorReport> byRun(String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT report::text FROM doctor_reports WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(json.readValue(rs.getString(1), DoctorReport.class))
                        : java.util.Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("doctor_reports: " + e.getMessage(), e);
        }
    }

    /** Pass, warn and fail counts per check per UTC day since {@code since}, oldest day first. */
    public List<HistoryPoint> history(Instant since) {
        List<HistoryPoint> points = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT to_char((started_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, check_id,
                       count(*) FILTER (WHERE status = 'PASS') AS pass,
                       count(*) FILTER (WHERE status = 'WARN') AS warn,
                       count(*) FILTER (WHERE status = 'FAIL') AS fail
                  FROM doctor_check_results
                 WHERE started_at >= ?
                 GROUP BY day, check_id
                 ORDER BY day, check_id""")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    points.add(new HistoryPoint(rs.getString("day"), rs.getString("check_id"), rs.getInt("pass"),
                            rs.getInt("warn"), rs.getInt("fail")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("doctor_check_results: " + e.getMessage(), e);
        }
        return points;
    }
}
