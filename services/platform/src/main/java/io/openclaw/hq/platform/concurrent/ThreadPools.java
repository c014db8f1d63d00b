package io.openclaw.hq.platform.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The services' own worker pools: a fixed number of named daemon threads, as
 * {@code Executors.newFixedThreadPool} makes them, except that a thread idle for {@link #IDLE} ends.
 * At rest a service then holds only the threads it needs at rest (memory a 2 GB VPS keeps), and a
 * thread count that stays up after the work has stopped means a leak, not a pool that once filled
 * (the reliability soak tells them apart that way). Work beyond the pool's size waits in order, as
 * before.
 */
public final class ThreadPools {

    /** As long as Quarkus' own worker pool keeps an idle thread. */
    public static final Duration IDLE = Duration.ofSeconds(30);

    private ThreadPools() {
    }

    /** {@code threads} workers named {@code name-1}, {@code name-2}, …, each ending after {@link #IDLE} without work. */
    public static ExecutorService fixed(String name, int threads) {
        return fixed(name, threads, IDLE);
    }

    static ExecutorService fixed(String name, int threads, Duration idle) {
        if (threads < 1) {
            throw new IllegalArgumentException(name + ": a pool needs at least one thread, not " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, idle.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
