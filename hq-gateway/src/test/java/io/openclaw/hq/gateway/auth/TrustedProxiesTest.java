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

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For ''{1}'' → {2}")
    @CsvSource(delimiter = '|', value = {
            // the proxy appended the real address; whatever the client wrote before it is ignored
            "172.30.87.1 | 6.6.6.6, 100.64.0.7 | 100.64.0.7",
            "172.30.87.1 | 1.1.1.1, 2.2.2.2, 100.64.0.7 | 100.64.0.7",
            // proxies in the chain are skipped from the right
            "172.30.87.1 | 6.6.6.6, 100.64.0.7, 127.0.0.1 | 100.64.0.7",
            "172.30.87.1 | 100.64.0.7, ::1 | 100.64.0.7",
            // nothing but proxies, nothing at all, or garbage where the proxy's entry should be: the peer
            "172.30.87.1 | 127.0.0.1 | 172.30.87.1",
            "172.30.87.1 | '' | 172.30.87.1",
            "172.30.87.1 | 6.6.6.6, not-an-address | 172.30.87.1",
            "172.30.87.1 | 6.6.6.6,, | 6.6.6.6",
    })
    void theClientIsTheRightmostAddressThatIsNotATrustedProxy(String peer, String forwardedFor, String client) {
        assertThat(loopbackAndBridge.clientAddress(peer, forwardedFor)).isEqualTo(client);
    }

    @org.junit.jupiter.api.Test
    void nothingIsTrustedByDefault() {
        TrustedProxies none = new TrustedProxies(List.of());
        assertThat(none.trusts("127.0.0.1")).isFalse();
        assertThat(none.trusts("::1")).isFalse();
        assertThat(new TrustedProxies(List.of("")).trusts("127.0.0.1")).isFalse();
    }
}
