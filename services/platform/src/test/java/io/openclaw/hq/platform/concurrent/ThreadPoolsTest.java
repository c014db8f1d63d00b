package io.openclaw.hq.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThreadPoolsTest {

    @Test
    void runsAtMostItsSizeAtOnceOnNamedDaemonThreadsAndQueuesTheRest() throws Exception {
        ExecutorService pool = ThreadPools.fixed("test-pool", 2, Duration.ofSeconds(30));
        try {
            CountDownLatch release = new CountDownLatch(1);
            Set<String> names = ConcurrentHashMap.newKeySet();
            Set<Boolean> daemons = ConcurrentHashMap.newKeySet();
            List<Future<?>> tasks = IntStream.range(0, 5).<Future<?>>mapToObj(i -> pool.submit(() -> {
                names.add(Thread.currentThread().getName());
                daemons.add(Thread.currentThread().isDaemon());
                release.await();
                return null;
            })).toList();
            ThreadPoolExecutor executor = (ThreadPoolExecutor) pool;
            awaitTrue(() -> executor.getActiveCount() == 2);
            assertThat(executor.getQueue()).as("the three beyond the pool's size wait").hasSize(3);
            release.countDown();
            for (Future<?> task : tasks) {
                task.get(5, TimeUnit.SECONDS);
            }
            assertThat(names).containsExactlyInAnyOrder("test-pool-1", "test-pool-2");
            assertThat(daemons).containsExactly(true);
            assertThat(executor.getLargestPoolSize()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void idleThreadsEndSoThePoolHoldsNoneAtRestAndStartsAgainOnNewWork() throws Exception {
        ExecutorService pool = ThreadPools.fixed("idle-pool", 3, Duration.ofMillis(100));
        try {
            ThreadPoolExecutor executor = (ThreadPoolExecutor) pool;
            CountDownLatch together = new CountDownLatch(3);
            List<Future<?>> tasks = IntStream.range(0, 3).<Future<?>>mapToObj(i -> pool.submit(() -> {
                together.countDown();
                together.await();
                return null;
            })).toList();
            for (Future<?> task : tasks) {
                task.get(5, TimeUnit.SECONDS);
            }
            assertThat(executor.getLargestPoolSize()).isEqualTo(3);
            awaitTrue(() -> executor.getPoolSize() == 0);
            assertThat(pool.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS)).startsWith("idle-pool-");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPoolWithoutThreadsIsRefusedNamingIt() {
        assertThatThrownBy(() -> ThreadPools.fixed("empty-pool", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty-pool");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
