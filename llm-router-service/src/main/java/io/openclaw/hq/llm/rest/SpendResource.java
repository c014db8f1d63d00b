package io.openclaw.hq.llm.rest;

import io.openclaw.hq.llm.service.CostLedger;
import io.openclaw.hq.platform.errors.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Daily spend per provider and model from the cost ledger, for HQ's chart. */
@Path("/v1/spend")
@Produces(MediaType.APPLICATION_JSON)
public class SpendResource {

    static final int MAX_DAYS = 366;

    private final CostLedger ledger;

    public SpendResource(CostLedger ledger) {
        this.ledger = ledger;
    }

    @RegisterForReflection(targets = CostLedger.DailySpend.class)
    public record Spend(int days, Instant since, String currency, List<CostLedger.DailySpend> daily,
            BigDecimal totalUsd, long totalCalls) {
    }

    @GET
    public Spend spend(@QueryParam("days") Integer days) {
        int window = days == null ? 30 : days;
        if (window < 1 || window > MAX_DAYS) {
            throw ProblemException.badRequest("days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        // whole UTC days: today and the window-1 days before it
        Instant since = LocalDate.now(ZoneOffset.UTC).minusDays(window - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<CostLedger.DailySpend> daily = ledger.dailySince(since);
        BigDecimal total = daily.stream().map(CostLedger.DailySpend::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        long calls = daily.stream().mapToLong(CostLedger.DailySpend::calls).sum();
        return new Spend(window, since, "USD", daily, total.stripTrailingZeros(), calls);
    }
}
