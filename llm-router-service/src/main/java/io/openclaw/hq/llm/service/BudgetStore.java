package io.openclaw.hq.llm.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Run budgets in PostgreSQL. A reservation is a single statement that raises the run's reserved
 * amount only if spent + reserved + this estimate stays within the cap; PostgreSQL serialises
 * concurrent updates of the row and re-checks the condition on the row it finally updates, so any
 * number of concurrent calls in one run cannot reserve past the cap.
 */
@ApplicationScoped
public class BudgetStore {

    private static final Logger LOG = Logger.getLogger(BudgetStore.class);

    private final AgroalDataSource dataSource;

    public BudgetStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The snapshot of a run's budget. */
    public record RunBudget(String runId, BigDecimal capUsd, BigDecimal reservedUsd, BigDecimal spentUsd) {
    }

    /** A reservation id, or empty when the run's cap does not leave room for {@code amount}. */
    public Optional<Long> reserve(String runId, BigDecimal capUsd, BigDecimal amount) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO run_budgets (run_id, cap_usd) VALUES (?, ?) ON CONFLICT (run_id) DO NOTHING")) {
                s.setString(1, runId);
                s.setBigDecimal(2, capUsd);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    WITH grown AS (
                        UPDATE run_budgets
                           SET reserved_usd = reserved_usd + ?, cap_usd = ?, updated_at = now()
                         WHERE run_id = ? AND spent_usd + reserved_usd + ? <= ?
                     RETURNING run_id)
                    INSERT INTO budget_reservations (run_id, estimated_usd, state)
                    SELECT run_id, ?, 'reserved' FROM grown
                    RETURNING id""")) {
                s.setBigDecimal(1, amount);
                s.setBigDecimal(2, capUsd);
                s.setString(3, runId);
                s.setBigDecimal(4, amount);
                s.setBigDecimal(5, capUsd);
                s.setBigDecimal(6, amount);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("run budget of " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the reservation by the real cost; a second settle of the same reservation does nothing. */
    public void settle(long reservationId, BigDecimal actualUsd) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH done AS (
                    UPDATE budget_reservations SET state = 'settled', actual_usd = ?, settled_at = now()
                     WHERE id = ? AND state = 'reserved'
                 RETURNING run_id, estimated_usd)
                UPDATE run_budgets b
                   SET reserved_usd = b.reserved_usd - done.estimated_usd,
                       spent_usd = b.spent_usd + ?, updated_at = now()
                  FROM done WHERE b.run_id = done.run_id""")) {
            s.setBigDecimal(1, actualUsd);
            s.setLong(2, reservationId);
            s.setBigDecimal(3, actualUsd);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("settling reservation " + reservationId + ": " + e.getMessage(), e);
        }
    }

    public Optional<RunBudget> find(String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT run_id, cap_usd, reserved_usd, spent_usd FROM run_budgets WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new RunBudget(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("run budget of " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Money held right now by calls in flight, across every budgeted run, and how many runs hold some. */
    public record Reserved(BigDecimal reservedUsd, long runs) {
    }

    public Reserved reservedNow() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(sum(reserved_usd), 0), count(*) FILTER (WHERE reserved_usd > 0) FROM run_budgets")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Reserved(rs.getBigDecimal(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("run budgets: " + e.getMessage(), e);
        }
    }

    /** Calls in flight when the process died will never settle: their reservations are given back. */
    void releaseAbandoned(@Observes StartupEvent event) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH gone AS (
                    UPDATE budget_reservations SET state = 'abandoned', settled_at = now()
                     WHERE state = 'reserved'
                 RETURNING run_id, estimated_usd),
                per_run AS (SELECT run_id, sum(estimated_usd) AS amount FROM gone GROUP BY run_id)
                UPDATE run_budgets b SET reserved_usd = b.reserved_usd - per_run.amount, updated_at = now()
                  FROM per_run WHERE b.run_id = per_run.run_id""")) {
            int runs = s.executeUpdate();
            if (runs > 0) {
                LOG.warnf("released reservations of %d run(s) left open by a previous process", runs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("releasing abandoned reservations: " + e.getMessage(), e);
        }
    }
}
