package io.openclaw.hq.doctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetworkRangesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.0.0.53, LOOPBACK", "127.255.255.255, LOOPBACK", "::1, LOOPBACK", "[::1], LOOPBACK",
            "::ffff:127.0.0.1, LOOPBACK",
            "100.64.0.0, TAILNET", "100.127.255.255, TAILNET", "100.100.7.42, TAILNET", "fd7a:115c:a1e0::1, TAILNET",
            "fd7a:115c:a1e0:ffff::1, TAILNET",
            "0.0.0.0, WILDCARD", "::, WILDCARD", "*, WILDCARD", "[::], WILDCARD", "0:0:0:0:0:0:0:0, WILDCARD",
            "100.63.255.255, PUBLIC", "100.128.0.0, PUBLIC", "128.0.0.1, PUBLIC", "10.0.0.1, PUBLIC", "fd7a:115c:a1e1::1, PUBLIC",
            "fe80::1%eth0, PUBLIC", "256.1.1.1, PUBLIC", "localhost, PUBLIC", "example.org, PUBLIC", "'', PUBLIC"
    })
    void classifies(String address, AddressClass expected) {
        assertThat(NetworkRanges.classify(address)).isEqualTo(expected);
    }
}
