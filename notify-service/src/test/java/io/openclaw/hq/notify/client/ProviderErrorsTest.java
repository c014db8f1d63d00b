package io.openclaw.hq.notify.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderErrorsTest {

    @ParameterizedTest(name = "HTTP {0} → permanent {1}")
    @CsvSource({"400, true", "401, true", "403, true", "404, true", "429, true", "499, true",
            "500, false", "502, false", "503, false", "0, false"})
    void fourHundredsArePermanentEverythingElseIsRetried(int status, boolean permanent) {
        RuntimeException e = ProviderErrors.classify(status, "{\"errors\":[\"x\"]}");
        assertThat(e).isInstanceOf(permanent ? ProviderRejectedException.class : ProviderUnavailableException.class);
        assertThat(e.getMessage()).startsWith("HTTP " + status);
    }

    @ParameterizedTest
    @CsvSource({"10, 10", "600, " + (ProviderErrors.MAX_DETAIL + 6)})
    void longProviderTextIsCutVisibly(int length, int expectedTextLength) {
        String detail = ProviderErrors.describe(500, "e".repeat(length));
        assertThat(detail.length()).isEqualTo("HTTP 500: ".length() + expectedTextLength);
        assertThat(detail.endsWith("…[cut]")).isEqualTo(length > ProviderErrors.MAX_DETAIL);
    }
}
