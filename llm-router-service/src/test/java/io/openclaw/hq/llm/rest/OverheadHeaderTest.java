package io.openclaw.hq.llm.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The X-OpenClaw-*-Ms headers: milliseconds with three decimals, never negative. */
class OverheadHeaderTest {

    @ParameterizedTest(name = "{0} ns → {1} ms")
    @CsvSource({
            "0, 0.000",
            "999, 0.000",
            "1000, 0.001",
            "50000, 0.050",
            "999999, 0.999",
            "1000000, 1.000",
            "1234567, 1.234",
            "12050000, 12.050",
            "60000000000, 60000.000",
            "-5, 0.000"})
    void formatsNanosAsMillis(long nanos, String expected) {
        assertThat(ChatCompletionsResource.millis(nanos)).isEqualTo(expected);
    }
}
