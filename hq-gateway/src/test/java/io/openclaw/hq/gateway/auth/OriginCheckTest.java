package io.openclaw.hq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginCheckTest {

    @ParameterizedTest(name = "origin={0} referer={1} self={2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "http://127.0.0.1:8787, -, http://127.0.0.1:8787, true",
            "HTTP://LOCALHOST:8787, -, http://localhost:8787, true",
            "https://evil.example, -, http://127.0.0.1:8787, false",
            // the scheme is part of the origin
            "https://127.0.0.1:8787, -, http://127.0.0.1:8787, false",
            "http://aiops-1.x.ts.net, -, https://aiops-1.x.ts.net, false",
            "https://aiops-1.x.ts.net, -, https://aiops-1.x.ts.net, true",
            // default ports are the same origin written two ways
            "https://aiops-1.x.ts.net:443, -, https://aiops-1.x.ts.net, true",
            "http://localhost, -, http://localhost:80, true",
            "https://aiops-1.x.ts.net, -, http://127.0.0.1:8787, false",
            "-, http://127.0.0.1:8787/actions, http://127.0.0.1:8787, true",
            "-, https://127.0.0.1:8787/actions, http://127.0.0.1:8787, false",
            "-, https://evil.example/127.0.0.1:8787, http://127.0.0.1:8787, false",
            "null, -, http://127.0.0.1:8787, false",
            "-, -, http://127.0.0.1:8787, false",
            "http://127.0.0.1:8787, -, -, false",
            "http://127.0.0.1:8787.evil.example, -, http://127.0.0.1:8787, false",
            "http://user@127.0.0.1:8787, -, http://127.0.0.1:8787, false",
            "file://127.0.0.1:8787, -, http://127.0.0.1:8787, false",
            "https://hq.example, -, http://127.0.0.1:8787, true",
            "http://hq.example, -, http://127.0.0.1:8787, false"})
    void sameOriginOnly(String origin, String referer, String self, boolean expected) {
        assertThat(OriginCheck.isSameOrigin(origin, referer, self, List.of("https://hq.example/"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "host {0} allowed={1}")
    @CsvSource(nullValues = "-", value = {
            "localhost, true", "127.0.0.1, true", "127.1.2.3, true", "::1, true", "LOCALHOST, true",
            "aiops-1.x.ts.net, true", "AIOPS-1.X.TS.NET., true", "attacker.example, false",
            "127.0.0.1.attacker.example, false", "localhost.attacker.example, false", "128.0.0.1, false", "-, false"})
    void hostsAreLoopbackOrTheConfiguredOrigins(String host, boolean allowed) {
        assertThat(new AllowedHosts(List.of("https://aiops-1.x.ts.net")).allows(host)).isEqualTo(allowed);
    }
}
