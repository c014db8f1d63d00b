package io.openclaw.hq.llm.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.model.Usage;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostCalculatorTest {

    @ParameterizedTest(name = "{0} chars → {1} tokens")
    @CsvSource({"0, 0", "1, 1", "4, 1", "5, 2", "8, 2", "4000, 1000", "4001, 1001"})
    void promptTokensAreCharactersOverFourRoundedUp(long chars, long tokens) {
        assertThat(CostCalculator.estimatedPromptTokens(chars)).isEqualTo(tokens);
    }

    @ParameterizedTest(name = "in {0}/M out {1}/M, {2} chars + {3} max out → ${4}")
    @CsvSource({
            "1.50, 6.00, 4000, 600, 0.00510000",
            "0.15, 0.60, 4000, 600, 0.00051000",
            "2.50, 10.00, 400000, 600, 0.25600000",
            "0, 0, 4000, 600, 0.00000000",
            "1.50, 6.00, 1, 100, 0.00060150"})
    void estimates(String in, String out, long chars, int maxOut, String expected) {
        LlmConfig.Price price = new LlmConfig.Price(new BigDecimal(in), new BigDecimal(out));
        assertThat(CostCalculator.estimate(price, chars, maxOut)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "usage {2}+{3} → ${4}")
    @CsvSource({
            "1.50, 6.00, 400, 120, 0.00132",
            "1.50, 6.00, 1000, 500, 0.0045",
            "2.50, 10.00, 1000, 100, 0.0035",
            "0.10, 0.30, 0, 0, 0"})
    void actuals(String in, String out, long prompt, long completion, String expected) {
        LlmConfig.Price price = new LlmConfig.Price(new BigDecimal(in), new BigDecimal(out));
        assertThat(CostCalculator.actual(price, new Usage(prompt, completion))).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1.50, 6.00, 4000, 600, 1000, 600"})
    void anEstimateCoversAnAnswerThatUsesItsWholeCap(String in, String out, long chars, int maxOut, long prompt, long completion) {
        LlmConfig.Price price = new LlmConfig.Price(new BigDecimal(in), new BigDecimal(out));
        assertThat(CostCalculator.actual(price, new Usage(prompt, completion)))
                .isLessThanOrEqualTo(CostCalculator.estimate(price, chars, maxOut));
    }
}
