package io.openclaw.hq.gateway.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.gateway.config.GatewayConfig;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisplayCacheTest {

    private FanOut fanOut;

    @AfterEach
    void stop() {
        fanOut.stop();
    }

    @Test
    void anAnswerWithinTheTtlIsSharedAndTheServiceAskedOnce() {
        DisplayCache cache = cache(Duration.ofHours(1));
        AtomicInteger calls = new AtomicInteger();
        Supplier<BackendReply<Integer>> call = () -> BackendReply.ok(Backend.DOCTOR, 200, calls.incrementAndGet());
        assertThat(cache.getNow("doctor-service:reports", call).value()).isEqualTo(1);
        assertThat(cache.getNow("doctor-service:reports", call).value()).isEqualTo(1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anAnswerOlderThanTheTtlIsNeverServedAsIfFresh() {
        DisplayCache cache = cache(Duration.ZERO);
        AtomicInteger calls = new AtomicInteger();
        Supplier<BackendReply<Integer>> call = () -> BackendReply.ok(Backend.DOCTOR, 200, calls.incrementAndGet());
        assertThat(cache.getNow("doctor-service:reports", call).value()).isEqualTo(1);
        assertThat(cache.getNow("doctor-service:reports", call).value()).isEqualTo(2);
    }

    @Test
    void everyoneAskingWhileACallIsOutWaitsForThatOneCall() throws Exception {
        DisplayCache cache = cache(Duration.ZERO);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Supplier<BackendReply<Integer>> call = () -> {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BackendReply.ok(Backend.DOCTOR, 200, 7);
        };
        CompletableFuture<BackendReply<Integer>> first = cache.get("doctor-service:reports", call);
        CompletableFuture<BackendReply<Integer>> second = cache.get("doctor-service:reports", call);
        release.countDown();
        assertThat(first.get().value()).isEqualTo(7);
        assertThat(second).isSameAs(first);
        assertThat(calls).hasValue(1);
    }

    @Test
    void clearingAServiceDropsOnlyWhatThatServiceSaid() {
        DisplayCache cache = cache(Duration.ofHours(1));
        AtomicInteger doctor = new AtomicInteger();
        AtomicInteger llm = new AtomicInteger();
        cache.getNow("doctor-service:reports", () -> BackendReply.ok(Backend.DOCTOR, 200, doctor.incrementAndGet()));
        cache.getNow("llm-router-service:status", () -> BackendReply.ok(Backend.LLM, 200, llm.incrementAndGet()));
        cache.clear("doctor-service");
        cache.getNow("doctor-service:reports", () -> BackendReply.ok(Backend.DOCTOR, 200, doctor.incrementAndGet()));
        cache.getNow("llm-router-service:status", () -> BackendReply.ok(Backend.LLM, 200, llm.incrementAndGet()));
        assertThat(doctor).hasValue(2);
        assertThat(llm).hasValue(1);
    }

    private DisplayCache cache(Duration ttl) {
        GatewayConfig.Backends backends = proxy(GatewayConfig.Backends.class, name -> switch (name) {
            case "displayCacheTtl" -> ttl;
            case "fanOutThreads" -> 2;
            default -> null;
        });
        GatewayConfig config = proxy(GatewayConfig.class, name -> "backends".equals(name) ? backends : null);
        fanOut = new FanOut(config);
        return new DisplayCache(config, fanOut);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answers.apply(method.getName()));
    }
}
