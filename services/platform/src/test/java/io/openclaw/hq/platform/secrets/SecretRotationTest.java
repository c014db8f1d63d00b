package io.openclaw.hq.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.platform.PlatformConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret replaced on disk (as {@code ./hq secrets set} and {@code rotate} do: a temporary file
 * renamed over the old one) takes effect without a restart: the resolver reads the file on every
 * use, and a token cached for the hot path is read again once its interval has passed.
 */
class SecretRotationTest {

    @TempDir
    Path dir;

    @Test
    void aReplacedFileIsReadOnTheNextResolve() throws IOException {
        SecretResolver resolver = resolverOver(dir, Map.of());
        replace("openai_api_key", "sk-proj-firstvalue00000000001111");
        assertThat(resolver.resolve("openai_api_key")).get().extracting(Secret::reveal)
                .isEqualTo("sk-proj-firstvalue00000000001111");

        replace("openai_api_key", "sk-proj-secondvalue0000000002222");
        Secret after = resolver.resolve("openai_api_key").orElseThrow();
        assertThat(after.reveal()).isEqualTo("sk-proj-secondvalue0000000002222");
        assertThat(after.source()).isEqualTo(Secret.Source.FILE);
        // the new value is known to the log filter from its first use
        assertThat(Redactor.redact("key sk-proj-secondvalue0000000002222")).doesNotContain("secondvalue");

        Files.delete(dir.resolve("openai_api_key"));
        assertThat(resolver.resolve("openai_api_key")).isEmpty();
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws IOException {
        replace("mistral_api_key", "from-the-file-0123456789");
        SecretResolver resolver = resolverOver(dir, Map.of("MISTRAL_API_KEY", " from-the-env-0123456789 "));
        Secret secret = resolver.resolve("mistral_api_key").orElseThrow();
        assertThat(secret.reveal()).isEqualTo("from-the-env-0123456789");
        assertThat(secret.source()).isEqualTo(Secret.Source.ENVIRONMENT);
    }

    @Test
    void aCachedTokenIsReadAgainOnceItsIntervalHasPassed() throws IOException {
        AtomicLong clock = new AtomicLong(1_000);
        SecretResolver resolver = resolverOver(dir, Map.of());
        replace("openclaw_console_token", "console-token-before-rotation");
        RefreshingSecret token = new RefreshingSecret(resolver, "openclaw_console_token", Duration.ofSeconds(10),
                clock::get);
        assertThat(token.current()).get().extracting(Secret::reveal).isEqualTo("console-token-before-rotation");

        replace("openclaw_console_token", "console-token-after-rotation");
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(token.current()).as("within the interval the cached value serves")
                .get().extracting(Secret::reveal).isEqualTo("console-token-before-rotation");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(token.current()).as("after the interval the file is read again")
                .get().extracting(Secret::reveal).isEqualTo("console-token-after-rotation");
    }

    @Test
    void aZeroIntervalReadsTheFileOnEveryCall() throws IOException {
        SecretResolver resolver = resolverOver(dir, Map.of());
        replace("hq_internal_token", "internal-token-one-000000");
        RefreshingSecret token = new RefreshingSecret(resolver, "hq_internal_token", Duration.ZERO, () -> 5L);
        assertThat(token.current()).get().extracting(Secret::reveal).isEqualTo("internal-token-one-000000");
        replace("hq_internal_token", "internal-token-two-000000");
        assertThat(token.current()).get().extracting(Secret::reveal).isEqualTo("internal-token-two-000000");
    }

    private void replace(String name, String value) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        Files.writeString(tmp, value + "\n");
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static SecretResolver resolverOver(Path dir, Map<String, String> environment) {
        PlatformConfig config = new PlatformConfig() {
            @Override
            public String serviceName() {
                return "platform-test";
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
                return () -> "config";
            }

            @Override
            public Artifacts artifacts() {
                return () -> dir.toString();
            }

            @Override
            public InternalAuth internalAuth() {
                return () -> true;
            }
        };
        return new SecretResolver(config, environment::get);
    }
}
