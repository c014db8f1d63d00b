package io.openclaw.hq.llm.service;

import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.Purpose;
import io.openclaw.hq.llm.model.ResolvedRoute;
import io.openclaw.hq.llm.model.Usage;
import io.openclaw.hq.platform.errors.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Money around one provider call: the checks and the reservation before it, the settlement and
 * the ledger after it. Fail closed: a review of an unpriced model, or a call against a run's budget
 * that cannot be priced, is refused rather than billed at $0.
 */
@jakarta.enterprise.context.ApplicationScoped
public class CallAccounting {

    private final BudgetStore budgets;
    private final CostRecorder costs;

    public CallAccounting(BudgetStore budgets, CostRecorder costs) {
        this.budgets = budgets;
        this.costs = costs;
    }

    /** The estimate and the reservation made for a call about to be sent. */
    public record Hold(Optional<LlmConfig.Price> price, BigDecimal estimate, Long reservationId) {
    }

    public Hold reserve(LlmConfig config, CallContext ctx, ResolvedRoute route, long promptChars, int maxOutputTokens) {
        Optional<LlmConfig.Price> price = config.budget().priceOf(route.model());
        boolean review = ctx.purpose() == Purpose.REVIEW;
        if (price.isEmpty() && (review || ctx.caller().isPresent())) {
            throw new ProblemException(503, review ? "review refused" : "budget refused",
                    "model " + route.model() + " has no price in budget.pricing of config/llm.json; "
                            + (review ? "a review is never billed at $0" : "a call against a run budget must be priced"));
        }
        BigDecimal estimate = price.map(p -> CostCalculator.estimate(p, promptChars, maxOutputTokens)).orElse(null);
        if (review && estimate.compareTo(config.budget().maxUsdPerReview()) > 0) {
            throw new ProblemException(402, "budget exceeded", "estimated $" + estimate.toPlainString()
                    + " for this review (" + route.model() + ", " + promptChars + " prompt characters, "
                    + maxOutputTokens + " output tokens) exceeds maxUsdPerReview $"
                    + config.budget().maxUsdPerReview().toPlainString());
        }
        Long reservation = null;
        if (ctx.caller().isPresent()) {
            String runId = ctx.callerRunId();
            reservation = budgets.reserve(runId, config.budget().maxUsdPerRun(), estimate)
                    .orElseThrow(() -> new ProblemException(402, "budget exceeded", "run " + runId
                            + " cannot reserve $" + estimate.toPlainString() + " more within maxUsdPerRun $"
                            + config.budget().maxUsdPerRun().toPlainString()));
        }
        return new Hold(price, estimate, reservation);
    }

    /** The real cost of a successful call: from usage, or the estimate when the provider sent none. */
    public static BigDecimal actualCost(Hold hold, Optional<Usage> usage) {
        if (hold.price().isEmpty()) {
            return null;
        }
        return usage.map(u -> CostCalculator.actual(hold.price().get(), u)).orElse(hold.estimate());
    }

    /** Settles the reservation and writes the ledger; runs whatever happened to the call or its client. */
    public void settle(CallContext ctx, ResolvedRoute route, Hold hold, Optional<Usage> usage, BigDecimal actual,
            boolean fallbackUsed, ErrorClass errorClass, String outcome, boolean stream) {
        try {
            if (hold.reservationId() != null) {
                budgets.settle(hold.reservationId(), actual == null ? BigDecimal.ZERO : actual);
            }
        } finally {
            LedgerEntry entry = new LedgerEntry(Instant.now(), ctx.purpose().wire(), route.provider().wire(),
                    route.model(), ctx.callerRunId(), ctx.run().map(r -> r.id()).orElse(null),
                    usage.map(Usage::promptTokens).orElse(null), usage.map(Usage::completionTokens).orElse(null),
                    hold.estimate(), actual, fallbackUsed, errorClass == null ? null : errorClass.wire(), outcome, stream);
            if (ctx.run().isPresent()) {
                costs.recordNow(entry, ctx.routerRun().directory());
            } else {
                costs.recordLater(entry);
            }
        }
    }
}
