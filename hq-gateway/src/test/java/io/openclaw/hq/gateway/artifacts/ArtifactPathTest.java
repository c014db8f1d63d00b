package io.openclaw.hq.gateway.artifacts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openclaw.hq.platform.errors.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"..", "../etc", "a/../../b", "a/./b", "/etc/passwd", "a//b", "a/", "a\\..\\b", "a/%2e%2e/b",
            "a\u0000b", "./a"})
    void refused(String path) {
        assertThatThrownBy(() -> ArtifactBrowser.checkSegments(path)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("leaves the artifact root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "doctor", "doctor/20260216T100000Z-aaa001/run.json", "soma/a b/c.txt", "a..b/c"})
    void allowed(String path) {
        assertThatCode(() -> ArtifactBrowser.checkSegments(path)).doesNotThrowAnyException();
    }
}
