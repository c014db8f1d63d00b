package io.openclaw.hq.notify.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckIdGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} → {2}")
    @CsvSource({
            "doctor.*, doctor.disk, true",
            "doctor.*, doctor., true",
            "doctor.*, doctorX.disk, false",
            "doctor.*, guard.doctor.disk, false",
            "*, anything/at:all, true",
            "disk.?, disk.1, true",
            "disk.?, disk.12, false",
            "a.b, aXb, false",
            "host:vps/*, host:vps/ports, true",
            "runner-*.mirror, runner-orb.mirror, true"
    })
    void matches(String glob, String checkId, boolean expected) {
        assertThat(CheckIdGlob.compile(glob).matches(checkId)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "x[0-9]", "(.*)", "a|b", "x+"})
    void anythingOutsideTheAlphabetIsRefused(String glob) {
        assertThatThrownBy(() -> CheckIdGlob.compile(glob)).isInstanceOf(IllegalArgumentException.class);
    }
}
