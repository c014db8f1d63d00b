package io.openclaw.hq.gateway.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gateway decides senders with the platform's one allowlist parser, as notify-service decides
 * recipients: the numbers alerted are the numbers that may command.
 */
class SmsAllowlistRulesTest {

    @ParameterizedTest(name = "list ''{0}'', sender {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "+15550001111,+15550002222 | +15550002222 | true",
            // the list that alerted both numbers but let neither send commands
            "+15550001111;+15550002222 | +15550001111 | true",
            "+15550001111;+15550002222 | +15550002222 | true",
            "'+15550001111\n+15550002222\n' | +15550002222 | true",
            "+1-555-000-1111 | +15550001111 | true",
            "+15550001111 | +1 (555) 000-1111 | false",
            "+15550001111 | +15550009999 | false",
            // one entry that is not a number: nobody, fail closed
            "+15550001111,call me | +15550001111 | false",
            "+15550001111,15550002222 | +15550001111 | false",
            "'' | +15550001111 | false"})
    void sendersAreDecidedByThePlatformsOneParser(String list, String sender, boolean allowed) {
        assertThat(SmsAllowlist.allows(list, sender)).isEqualTo(allowed);
    }
}
