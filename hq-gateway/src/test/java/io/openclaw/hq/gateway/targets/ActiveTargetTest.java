package io.openclaw.hq.gateway.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.platform.PlatformConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActiveTargetTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "100.64.0.0, true", "100.123.61.57, true", "100.127.255.255, true", "127.0.0.1, true", "127.1.2.3, true",
            "::1, true", "100.63.255.255, false", "100.128.0.0, false", "10.0.0.1, false", "192.168.1.1, false",
            "8.8.8.8, false", "100.064.0.1, false", "100.64.0.256, false", "aiops-1.example.ts.net, false",
            "localhost, false", "'', false", "100.64.0, false", "::2, false"})
    void onlyTailnetAndLoopbackLiteralsAreAllowed(String host, boolean allowed) {
        assertThat(ActiveTarget.isAllowedHost(host)).isEqualTo(allowed);
    }

    @Test
    void theLabelNamesTheActiveTargetOrSaysWhatIsWrong() throws IOException {
        ActiveTarget target = new ActiveTarget(config(dir));
        assertThat(target.label()).contains("none");
        Files.writeString(dir.resolve("targets.json"),
                "{\"active\":\"vps\",\"targets\":{\"vps\":{\"host\":\"100.100.1.2\"},\"lab\":{\"host\":\"8.8.8.8\"}}}");
        assertThat(target.label()).isEqualTo("target: vps · 100.100.1.2");
        Files.writeString(dir.resolve("targets.json"),
                "{\"active\":\"lab\",\"targets\":{\"vps\":{\"host\":\"100.100.1.2\"},\"lab\":{\"host\":\"8.8.8.8\"}}}");
        assertThat(target.label()).contains("lab").contains("REFUSED");
        Files.writeString(dir.resolve("targets.json"), "{\"active\":\"gone\",\"targets\":{}}");
        assertThat(target.label()).contains("invalid");
        Files.writeString(dir.resolve("targets.json"), "{not json");
        assertThat(target.label()).contains("invalid");
    }

    private static PlatformConfig config(Path dir) {
        return new PlatformConfig() {
            @Override
            public String serviceName() {
                return "hq-gateway";
            }

            @Override
            public Secrets secrets() {
                return new Secrets() {
                    @Override
                    public String dir() {
                        return dir.toString();
                    }

                    @Override
                    public Optional<List<String>> known() {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public Config config() {
                return dir::toString;
            }

            @Override
            public Artifacts artifacts() {
                return dir::toString;
            }

            @Override
            public InternalAuth internalAuth() {
                return () -> true;
            }
        };
    }
}
