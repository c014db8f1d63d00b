package io.openclaw.hq.llm.service;

import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.model.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices in USD per million tokens → the cost of one call, before (estimate) and after (actual). */
public final class CostCalculator {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final int SCALE = 8;

    private CostCalculator() {
    }

    /** Prompt tokens are guessed as characters / 4, rounded up; output as the cap the call carries. */
    public static long estimatedPromptTokens(long promptChars) {
        return (promptChars + 3) / 4;
    }

    public static BigDecimal estimate(LlmConfig.Price price, long promptChars, int maxOutputTokens) {
        return cost(price, estimatedPromptTokens(promptChars), maxOutputTokens, RoundingMode.UP);
    }

    public static BigDecimal actual(LlmConfig.Price price, Usage usage) {
        return cost(price, usage.promptTokens(), usage.completionTokens(), RoundingMode.HALF_UP);
    }

    private static BigDecimal cost(LlmConfig.Price price, long inputTokens, long outputTokens, RoundingMode rounding) {
        BigDecimal input = price.inputPer1M().multiply(BigDecimal.valueOf(inputTokens));
        BigDecimal output = price.outputPer1M().multiply(BigDecimal.valueOf(outputTokens));
        return input.add(output).divide(MILLION, SCALE, rounding);
    }
}
