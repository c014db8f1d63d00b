package io.openclaw.hq.llm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openclaw.hq.llm.FakeProviders;
import io.openclaw.hq.llm.config.RouterSettings;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderException;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The per-provider breaker, built with a small window (the service's own breakers are kept closed
 * in tests so that call counts elsewhere stay exact). Inside Quarkus, where SmallRye Fault
 * Tolerance runs.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class ProviderGuardsTest {

    private final ProviderGuards guards = new ProviderGuards(smallWindow(), "guards-test-");

    @Test
    void transientFailuresOpenTheBreakerAndItAnswersWithoutCalling() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guards.call(ProviderName.OPENAI, () -> {
                calls.incrementAndGet();
                throw new ProviderException(ProviderName.OPENAI, ErrorClass.TRANSIENT_SERVER, 503, "down");
            }, String.class)).isInstanceOf(ProviderException.class);
        }
        assertThat(guards.state(ProviderName.OPENAI)).isEqualTo("open");
        assertThatThrownBy(() -> guards.call(ProviderName.OPENAI, () -> {
            calls.incrementAndGet();
            return "answer";
        }, String.class)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.errorClass()).as("still transient, so review can fall back").isEqualTo(ErrorClass.TRANSIENT_SERVER);
            assertThat(e.getMessage()).contains("circuit breaker open");
        });
        assertThat(calls).as("the open breaker did not call the provider").hasValue(4);
    }

    @Test
    void nonTransientFailuresDoNotCountAgainstAProvider() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> guards.call(ProviderName.MISTRAL, () -> {
                calls.incrementAndGet();
                throw new ProviderException(ProviderName.MISTRAL, ErrorClass.NON_TRANSIENT, 401, "bad key");
            }, String.class)).isInstanceOf(ProviderException.class);
        }
        assertThat(calls).hasValue(10);
        assertThat(guards.state(ProviderName.MISTRAL)).isEqualTo("closed");
    }

    private static RouterSettings smallWindow() {
        return new RouterSettings() {
            @Override
            public Optional<String> reviewModel() {
                return Optional.empty();
            }

            @Override
            public Map<String, String> apiBaseOverride() {
                return Map.of();
            }

            @Override
            public int connectTimeoutMs() {
                return 1000;
            }

            @Override
            public Breaker breaker() {
                return new Breaker() {
                    @Override
                    public int requestVolume() {
                        return 4;
                    }

                    @Override
                    public double failureRatio() {
                        return 0.5;
                    }

                    @Override
                    public int delaySeconds() {
                        return 600;
                    }
                };
            }
        };
    }
}
