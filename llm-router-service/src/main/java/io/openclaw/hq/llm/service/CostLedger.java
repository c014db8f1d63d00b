package io.openclaw.hq.llm.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The cost_ledger table: every provider call, and the daily totals HQ charts. */
@ApplicationScoped
public class CostLedger {

    private static final String INSERT = """
            INSERT INTO cost_ledger (at, purpose, provider, model, caller_run_id, router_run_id, prompt_tokens,
                completion_tokens, estimated_usd, actual_usd, fallback_used, transient_class, outcome, stream)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource dataSource;

    public CostLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One day's spend for one provider and model. */
    public record DailySpend(String day, String provider, String model, long calls, BigDecimal costUsd,
            long promptTokens, long completionTokens) {
    }

    public void append(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            for (LedgerEntry e : entries) {
                s.setTimestamp(1, Timestamp.from(e.at()));
                s.setString(2, e.purpose());
                s.setString(3, e.provider());
                s.setString(4, e.model());
                s.setString(5, e.callerRunId());
                s.setString(6, e.routerRunId());
                setLong(s, 7, e.promptTokens());
                setLong(s, 8, e.completionTokens());
                s.setBigDecimal(9, e.estimatedUsd());
                s.setBigDecimal(10, e.actualUsd());
                s.setBoolean(11, e.fallbackUsed());
                s.setString(12, e.transientClass());
                s.setString(13, e.outcome());
                s.setBoolean(14, e.stream());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cost ledger: " + e.getMessage(), e);
        }
    }

    public List<DailySpend> dailySince(Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT to_char((at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, provider, model, count(*),
                       coalesce(sum(actual_usd), 0), coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0)
                  FROM cost_ledger WHERE at >= ?
                 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")) {
            s.setTimestamp(1, Timestamp.from(since));
            List<DailySpend> result = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new DailySpend(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getBigDecimal(5).stripTrailingZeros(), rs.getLong(6), rs.getLong(7)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cost ledger: " + e.getMessage(), e);
        }
    }

    /** What the ledger says a caller's run has cost so far. */
    public BigDecimal spentBy(String callerRunId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(sum(actual_usd), 0) FROM cost_ledger WHERE caller_run_id = ?")) {
            s.setString(1, callerRunId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cost ledger: " + e.getMessage(), e);
        }
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }
}
