package io.openclaw.hq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginCheckTest {

    @ParameterizedTest(name = "origin={0} referer={1} host={2} fwd={3} → {4}")
    @CsvSource(nullValues = "-", value = {
            "http://127.0.0.1:8787, -, 127.0.0.1:8787, -, true",
            "HTTP://LOCALHOST:8787, -, localhost:8787, -, true",
            "https://evil.example, -, 127.0.0.1:8787, -, false",
            "https://aiops-1.x.ts.net, -, 127.0.0.1:8787, aiops-1.x.ts.net, true",
            "https://aiops-1.x.ts.net, -, 127.0.0.1:8787, -, false",
            "-, http://127.0.0.1:8787/actions, 127.0.0.1:8787, -, true",
            "-, https://evil.example/127.0.0.1:8787, 127.0.0.1:8787, -, false",
            "null, -, 127.0.0.1:8787, -, false",
            "-, -, 127.0.0.1:8787, -, false",
            "http://127.0.0.1:8787.evil.example, -, 127.0.0.1:8787, -, false",
            "file://127.0.0.1:8787, -, 127.0.0.1:8787, -, false",
            "https://hq.example, -, 127.0.0.1:8787, -, true"})
    void sameOriginOnly(String origin, String referer, String host, String forwarded, boolean expected) {
        assertThat(OriginCheck.isSameOrigin(origin, referer, host, forwarded, List.of("https://hq.example/")))
                .isEqualTo(expected);
    }
}
