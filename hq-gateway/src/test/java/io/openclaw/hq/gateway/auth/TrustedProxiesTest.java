package io.openclaw.hq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {

    private final TrustedProxies loopbackAndBridge = new TrustedProxies(List.of("127.0.0.1", "::1", "172.30.87.1"));

    @ParameterizedTest(name = "{0} trusted={1}")
    @CsvSource({
            "127.0.0.1, true",
            "::1, true",
            "0:0:0:0:0:0:0:1, true",
            "[::1], true",
            "172.30.87.1, true",
            "172.30.87.2, false",
            "127.0.0.2, false",
            "100.64.0.7, false",
            "10.0.0.1, false",
            "localhost, false",
            "'', false",
    })
    void onlyTheConfiguredProxyAddressesAreBelieved(String peer, boolean trusted) {
        assertThat(loopbackAndBridge.trusts(peer)).isEqualTo(trusted);
    }

    @org.junit.jupiter.api.Test
    void aHostNameInTheListIsAConfigErrorNotALookup() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("127.0.0.1", "proxy.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP literals");
    }
}
