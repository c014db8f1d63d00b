package io.openclaw.hq.notify.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmsAllowlistTest {

    @Test
    void commasSpacesAndNewLinesSeparateNumbers() {
        SmsAllowlist list = SmsAllowlist.parse("+15550100001, +4915112345678\n+15550100001;+442071234567\n");
        assertThat(list.numbers()).containsExactly("+15550100001", "+4915112345678", "+442071234567");
        assertThat(list.allows("+4915112345678")).isTrue();
        assertThat(list.allows("+15550100002")).isFalse();
        assertThat(list.allows("15550100001")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5550100001", "+0123456789", "+1 555 010", "+1555abc0001", "+1234567890123456"})
    void oneBadEntryInvalidatesTheWholeList(String bad) {
        assertThatThrownBy(() -> SmsAllowlist.parse("+15550100001," + bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(bad);
    }

    @Test
    void masksKeepOnlyTheLastFourDigits() {
        assertThat(SmsAllowlist.mask("+15550100001")).isEqualTo("+…0001");
        assertThat(SmsAllowlist.mask("+1")).isEqualTo("…");
    }
}
