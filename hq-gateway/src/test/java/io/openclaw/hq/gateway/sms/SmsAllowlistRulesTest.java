package io.openclaw.hq.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allowlist reads as notify-service reads it: the numbers alerted are the numbers that may command. */
class SmsAllowlistRulesTest {

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', value = {
            "+15550001111,+15550002222 | +15550001111 +15550002222",
            // the list that alerted both numbers but let neither send commands
            "+15550001111;+15550002222 | +15550001111 +15550002222",
            "'+15550001111\n+15550002222\n' | +15550001111 +15550002222",
            "' +15550001111 ; , +15550002222 ' | +15550001111 +15550002222"})
    void separatorsAreCommasSemicolonsSpacesAndLines(String raw, String numbers) {
        assertThat(SmsAllowlist.parse(raw)).contains(Set.of(numbers.split(" ")));
    }

    @ParameterizedTest(name = "''{0}'' invalidates the list")
    @CsvSource(delimiter = '|', value = {"+15550001111,(555) 000-2222", "+15550001111,15550002222", "+1 5550001111",
            "+15550001111,+0123456789", "+15550001111,call me"})
    void oneEntryThatIsNotE164AllowsNobody(String raw) {
        assertThat(SmsAllowlist.parse(raw)).isEmpty();
    }
}
