package io.openclaw.hq.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsAllowlistTest {

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("+15550100001", List.of("+15550100001")),
                Arguments.of("+15550100001,+4915112345678", List.of("+15550100001", "+4915112345678")),
                // the ';' list the hostile client found: both numbers, for alerts and for commands alike
                Arguments.of("+15550100001;+4915112345678", List.of("+15550100001", "+4915112345678")),
                Arguments.of(" +15550100001 ,\t+4915112345678\n\n+442071234567\r\n", List.of("+15550100001",
                        "+4915112345678", "+442071234567")),
                Arguments.of("+1-555-010-0001, +44.20.7123.4567", List.of("+15550100001", "+442071234567")),
                Arguments.of("+1(555)0100001", List.of("+15550100001")),
                Arguments.of("+15550100001,+1-555-010-0001", List.of("+15550100001")),
                Arguments.of("", List.of()),
                Arguments.of(" ,; \n", List.of()));
    }

    @ParameterizedTest(name = "''{0}''")
    @MethodSource("lists")
    void separatorsAndFormattingAreReadOneWay(String raw, List<String> numbers) {
        SmsAllowlist list = SmsAllowlist.parse(raw);
        assertThat(list.numbers()).containsExactlyElementsOf(numbers);
        assertThat(list.isEmpty()).isEqualTo(numbers.isEmpty());
        numbers.forEach(n -> assertThat(list.allows(n)).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5550100001", "+0123456789", "+1 555 010", "+1555abc0001", "+1234567890123456", "+",
            "++15550100001", "+1555010000１", "tel:+15550100001", "+15550100001x2"})
    void oneEntryThatIsNotANumberRefusesTheWholeListWithoutEchoingIt(String bad) {
        assertThatThrownBy(() -> SmsAllowlist.parse("+15550100001," + bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining(bad.strip());
    }

    @Test
    void aSenderIsMatchedAfterTheSameNormalisation() {
        SmsAllowlist list = SmsAllowlist.parse("+15550100001");
        assertThat(list.allows("+1 (555) 010-0001".replace(" ", ""))).isTrue();
        assertThat(list.allows("+1-555-010-0001")).isTrue();
        assertThat(list.allows("15550100001")).isFalse();
        assertThat(list.allows("+15550100002")).isFalse();
        assertThat(list.allows(null)).isFalse();
        assertThat(list.allows("")).isFalse();
        assertThat(SmsAllowlist.parse("").allows("+15550100001")).isFalse();
    }

    @Test
    void masksKeepOnlyTheLastFourDigits() {
        assertThat(SmsAllowlist.mask("+15550100001")).isEqualTo("+…0001");
        assertThat(SmsAllowlist.mask("+1")).isEqualTo("…");
        assertThat(SmsAllowlist.mask(null)).isEqualTo("…");
    }
}
