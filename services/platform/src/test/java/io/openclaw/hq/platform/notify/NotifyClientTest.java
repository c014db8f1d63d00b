package io.openclaw.hq.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotifyClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} → ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "{\"delivery\":\"delivered\",\"channels\":[]}|''",
        "{\"delivery\":\"suppressed\",\"why\":\"rate limit\"}|' (suppressed: rate limit)'",
        "{\"delivery\":\"not_delivered\",\"why\":\"pushover: Pushover not called (circuit open)\"}"
                + "|' (not delivered: pushover: Pushover not called (circuit open))'",
        "{\"delivery\":\"pending\",\"why\":\"sms: still sending\"}|' (still sending: sms: still sending)'"})
    void notifysAnswerBecomesWhatTheGuardWritesAfterTheAlert(String answer, String suffix) throws Exception {
        assertThat(NotifyClient.read(JSON.readTree(answer)).suffix()).isEqualTo(suffix);
    }
}
