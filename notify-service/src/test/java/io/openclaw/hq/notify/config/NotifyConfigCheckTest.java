package io.openclaw.hq.notify.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifyConfigCheckTest {

    @ParameterizedTest(name = "retry {0}, expire {1}, workers {2}, wait {3} → {4}")
    @CsvSource({
            "PT60S, PT1H, 4, PT60S, ''",
            "PT30S, PT3H, 1, PT1S, ''",
            "PT29S, PT1H, 4, PT60S, emergency-retry must be at least 30s",
            "PT60S, PT3H1S, 4, PT60S, emergency-expire must be between",
            "PT10M, PT5M, 4, PT60S, emergency-expire must be between",
            "PT60S, PT1H, 0, PT60S, workers must be at least 1",
            "PT60S, PT1H, 4, PT0S, delivery-wait must be positive"
    })
    void refusesWhatAProviderWouldRefuseLater(Duration retry, Duration expire, int workers, Duration wait,
            String expected) {
        var problems = NotifyConfigCheck.problems(retry, expire, workers, wait);
        if (expected.isEmpty()) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().asString().contains(expected);
        }
    }
}
