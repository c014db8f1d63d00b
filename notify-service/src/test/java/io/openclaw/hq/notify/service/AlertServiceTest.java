package io.openclaw.hq.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.notify.model.Channel;
import io.openclaw.hq.notify.model.ChannelResult;
import io.openclaw.hq.notify.model.DeliveryOutcome;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When does a notification count as not delivered, so that the next report tries again? */
class AlertServiceTest {

    @ParameterizedTest(name = "{0} → retry next report: {1}")
    @CsvSource({
            "FAILED, true",
            "FAILED FAILED, true",
            "FAILED NOT_CONFIGURED, true",
            "FAILED SENT, false",
            "SENT, false",
            "DRY_RUN, false",
            "NOT_CONFIGURED, false",
            "NOT_CONFIGURED NOT_CONFIGURED, false",
            "FAILED SENDING, false",
            "'', false"
    })
    void nothingArrived(String outcomes, boolean expected) {
        List<ChannelResult> channels = outcomes.isBlank() ? List.of() : Arrays.stream(outcomes.split(" "))
                .map(o -> new ChannelResult(Channel.SMS, DeliveryOutcome.valueOf(o), 1L, null, null, null)).toList();
        assertThat(AlertService.nothingArrived(channels)).isEqualTo(expected);
    }
}
