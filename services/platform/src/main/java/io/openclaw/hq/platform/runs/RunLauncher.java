package io.openclaw.hq.platform.runs;

import io.openclaw.hq.platform.errors.DatabaseUnavailable;
import io.openclaw.hq.platform.errors.DatabaseUnavailableException;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.locks.LockAttempt;
import io.openclaw.hq.platform.locks.LockHandle;
import io.openclaw.hq.platform.locks.ResourceLockedException;
import io.openclaw.hq.platform.locks.ResourceLocks;
import io.openclaw.hq.platform.secrets.Redactor;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Actions that take time, recorded first and answered at once (ARCHITECTURE.md "Runs, locks,
 * audit"): the run row and run.json are written, the lock is taken on the caller's thread (so a
 * second request gets its 409 with the holder's run id before anything starts), then the work goes
 * on in a thread of its own and the caller gets {@link RunAccepted} to answer 202 with. A run that
 * holds a lock begins ({@code startedAt}) once it has it and is timed ended before letting it go,
 * so the records of one lock's runs never overlap; the lock is released when the work ends,
 * whatever happened. A run that cannot start (locked, too many in progress) is recorded as
 * refused, so nothing asked for is lost. Without a database nothing starts: 503.
 */
@ApplicationScoped
public class RunLauncher {

    /** More at once than one operator's actions ever need; beyond it a request is refused, not queued. */
    static final int MAX_RUNS_IN_PROGRESS = 16;
    private static final Logger LOG = Logger.getLogger(RunLauncher.class);

    private final RunRecorder recorder;
    private final ResourceLocks locks;
    private final ThreadPoolExecutor workers;

    public RunLauncher(RunRecorder recorder, ResourceLocks locks) {
        this.recorder = recorder;
        this.locks = locks;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, MAX_RUNS_IN_PROGRESS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread t = new Thread(task, "run-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Starts {@code work} as a run of its own; {@code lockResource} may be null for work that needs no lock. */
    public RunAccepted launch(RunRequest request, String lockResource, RunWork work) {
        RunHandle run;
        try {
            run = recorder.start(request);
        } catch (RuntimeException e) {
            throw unavailableOr(e, "the run cannot be recorded");
        }
        LockHandle held = lockResource == null ? null : takeLock(run, lockResource);
        try {
            workers.execute(() -> perform(run, held, work));
        } catch (RejectedExecutionException e) {
            if (held != null) {
                held.close();
            }
            run.refuse(MAX_RUNS_IN_PROGRESS + " runs are already in progress in this service; try again when one ends");
            throw new ProblemException(429, "too many runs",
                    MAX_RUNS_IN_PROGRESS + " runs are already in progress; run " + run.id() + " was refused");
        }
        return RunAccepted.of(run.record());
    }

    /**
     * The lock for a run already recorded: held, it begins the run (startedAt from now on) and is
     * released when the run ends; taken by another run, the run is recorded refused naming the
     * holder and the caller gets the 409; not checkable because the database is away, a 503.
     */
    private LockHandle takeLock(RunHandle run, String lockResource) {
        LockAttempt attempt;
        try {
            attempt = locks.tryAcquire(lockResource, run.id());
        } catch (RuntimeException e) {
            endQuietly(run, "the lock " + lockResource + " could not be checked", e);
            throw unavailableOr(e, "the lock " + lockResource + " cannot be taken");
        }
        if (attempt instanceof LockAttempt.Locked locked) {
            run.refuse(locked.resource() + " is held by run " + locked.holderRunId());
            throw new ResourceLockedException(locked.resource(), locked.holderRunId());
        }
        LockHandle lock = ((LockAttempt.Acquired) attempt).handle();
        try {
            run.beginNow();
        } catch (RuntimeException e) {
            lock.close();
            endQuietly(run, "the run could not begin", e);
            throw unavailableOr(e, "the run cannot be recorded");
        }
        run.releaseAtEnd(lock);
        return lock;
    }

    /**
     * Ends a run that could not go on as a failure. When the database is the reason the ending
     * cannot be written either; the caller's answer matters more, and start-up recovery marks the
     * row interrupted.
     */
    private static void endQuietly(RunHandle run, String summary, RuntimeException reason) {
        try {
            run.fail(summary, DatabaseUnavailable.explains(reason) ? "the database is unavailable"
                    : Redactor.redact(String.valueOf(reason.getMessage())));
        } catch (RuntimeException recordFailure) {
            reason.addSuppressed(recordFailure);
        }
    }

    /** A database that cannot be reached is a 503 saying what could not be done; anything else goes on as it was. */
    private static RuntimeException unavailableOr(RuntimeException e, String whatCannotBeDone) {
        return DatabaseUnavailable.explains(e) ? new DatabaseUnavailableException(whatCannotBeDone, e) : e;
    }

    private static void perform(RunHandle run, LockHandle lock, RunWork work) {
        try {
            work.perform(run);
        } catch (Exception | Error e) {
            LOG.errorf(e, "run %s failed", run.id());
            // ended here, before the handle's own "ended without a result", so the record says what happened
            run.fail("the run stopped on an unexpected error", Redactor.redact(String.valueOf(e.getMessage())));
        } finally {
            run.close();
            if (lock != null) {
                lock.close();
            }
        }
    }

    void stopTakingRuns(@Observes ShutdownEvent event) {
        workers.shutdown();
    }
}
