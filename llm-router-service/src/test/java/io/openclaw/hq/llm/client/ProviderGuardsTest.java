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
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
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

    @Inject
    Vertx vertx;

    @Test
    void transientFailuresOpenTheBreakerAndItAnswersWithoutCalling() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            CompletionStage<String> failed = guards.call(ProviderName.OPENAI, () -> {
                calls.incrementAndGet();
                return CompletableFuture.failedFuture(
                        new ProviderException(ProviderName.OPENAI, ErrorClass.TRANSIENT_SERVER, 503, "down"));
            });
            assertThat(failed).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(ProviderException.class);
        }
        assertThat(guards.state(ProviderName.OPENAI)).isEqualTo("open");
        assertThatThrownBy(() -> guards.await(ProviderName.OPENAI, () -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture("answer");
        })).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.errorClass()).as("still transient, so review can fall back").isEqualTo(ErrorClass.TRANSIENT_SERVER);
            assertThat(e.getMessage()).contains("circuit breaker open");
        });
        assertThatThrownBy(() -> guards.awaitBlocking(ProviderName.OPENAI, () -> {
            calls.incrementAndGet();
            return "a stream";
        })).as("streams share the provider's breaker").isInstanceOf(ProviderException.class)
                .hasMessageContaining("circuit breaker open");
        assertThat(calls).as("the open breaker did not call the provider").hasValue(4);
    }

    @Test
    void nonTransientFailuresDoNotCountAgainstAProvider() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> guards.awaitBlocking(ProviderName.MISTRAL, () -> {
                calls.incrementAndGet();
                throw new ProviderException(ProviderName.MISTRAL, ErrorClass.NON_TRANSIENT, 401, "bad key");
            })).isInstanceOf(ProviderException.class);
        }
        assertThat(calls).hasValue(10);
        assertThat(guards.state(ProviderName.MISTRAL)).isEqualTo("closed");
    }

    @Test
    void waitingForAProviderOnAnEventLoopIsRefused() {
        CompletableFuture<Throwable> refusal = new CompletableFuture<>();
        vertx.runOnContext(ignored -> {
            try {
                guards.await(ProviderName.MOONSHOT, () -> new CompletableFuture<String>());
                refusal.complete(null);
            } catch (RuntimeException e) {
                refusal.complete(e);
            }
        });
        assertThat(refusal).succeedsWithin(Duration.ofSeconds(5)).isInstanceOfSatisfying(IllegalStateException.class,
                e -> assertThat(e).hasMessageContaining("event loop"));
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
            public int connectionsPerProvider() {
                return 4;
            }

            @Override
            public Optional<Integer> maxCallsInFlight() {
                return Optional.empty();
            }

            @Override
            public Optional<Integer> maxCallsWaiting() {
                return Optional.empty();
            }

            @Override
            public long admissionWaitMs() {
                return 50;
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
