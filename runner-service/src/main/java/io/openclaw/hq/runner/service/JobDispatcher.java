package io.openclaw.hq.runner.service;

import io.openclaw.hq.runner.config.RunnerConfig;
import io.openclaw.hq.runner.model.Job;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The queue's workers. At start-up, after recovery (jobs left running become interrupted, their
 * worktrees removed; queued jobs stay queued), {@code runner.queue.workers} threads take jobs in
 * FIFO order, one per repository at a time. A submission wakes a worker at once; an idle worker
 * also looks every {@code poll-interval}.
 */
@ApplicationScoped
public class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class);

    private final JobStore store;
    private final JobExecutor executor;
    private final JobRecovery recovery;
    private final RunnerConfig config;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean paused;

    public JobDispatcher(JobStore store, JobExecutor executor, JobRecovery recovery, RunnerConfig config) {
        this.store = store;
        this.executor = executor;
        this.recovery = recovery;
        this.config = config;
    }

    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        recovery.recover();
        running = true;
        for (int i = 1; i <= config.queue().workers(); i++) {
            Thread worker = new Thread(this::work, "runner-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUps.release(workers.size());
        io.openclaw.hq.runner.wrapper.WrapperProcess.killAll();
    }

    /** A job was queued: one idle worker looks now. */
    public void wake() {
        wakeUps.release();
    }

    /** Workers finish what they run and take nothing new until {@link #resume()} (tests, maintenance). */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wakeUps.release(workers.size());
    }

    private void work() {
        while (running) {
            try {
                Optional<Job> next = paused ? Optional.empty() : store.claimNext(Instant.now());
                if (next.isPresent()) {
                    executor.execute(next.get());
                    // one finished: another job of the same repository may now run
                    wakeUps.release();
                } else {
                    wakeUps.tryAcquire(config.queue().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a database hiccup must not end the worker; the job stays queued or is recovered
                LOG.errorf(e, "runner worker: %s", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.queue().pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
