package io.openclaw.hq.llm.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Writes each call to the cost ledger and to a cost_telemetry.jsonl. Calls that belong to a router
 * run (reviews) are written before the answer, into the run's folder. Plain chat calls are queued
 * and written in batches by one thread, so the ledger costs the caller no database round trip;
 * their telemetry goes to {@code llm-router/chat/<day>/cost_telemetry.jsonl}.
 */
@ApplicationScoped
public class CostRecorder {

    public static final String TELEMETRY_FILE = "cost_telemetry.jsonl";
    private static final Logger LOG = Logger.getLogger(CostRecorder.class);
    private static final int QUEUE_LIMIT = 100_000;
    private static final int BATCH = 1_000;
    /**
     * How long the writer gathers entries after the first before it writes: under load, ten batches
     * a second instead of a database round trip and a file append for every call, which on two cores
     * would take CPU from the event loop serving the calls.
     */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** A queued batch that cannot be written is tried again for about half a minute. */
    private static final int WRITE_ATTEMPTS = 30;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final CostLedger ledger;
    private final ArtifactRoot artifacts;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final LinkedBlockingQueue<LedgerEntry> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);
    private final AtomicLong pending = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    public CostRecorder(CostLedger ledger, ArtifactRoot artifacts) {
        this.ledger = ledger;
        this.artifacts = artifacts;
        this.writer = new Thread(this::drainForever, "cost-ledger-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Ledger row and telemetry line written now, the line into {@code runDirectory}. */
    public void recordNow(LedgerEntry entry, Path runDirectory) {
        ledger.append(List.of(entry));
        appendTelemetry(runDirectory, List.of(entry));
    }

    public void recordLater(LedgerEntry entry) {
        pending.incrementAndGet();
        if (!queue.offer(entry)) {
            // never drop a cost record: when the queue is full the caller pays the write
            try {
                write(List.of(entry));
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    /** For tests and shutdown: waits until every queued entry is written. */
    public boolean awaitIdle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @PreDestroy
    void stop() {
        awaitIdle(Duration.ofSeconds(5));
        running = false;
        writer.interrupt();
    }

    private void drainForever() {
        List<LedgerEntry> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                LedgerEntry first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                try {
                    persist("cost ledger", batch, () -> ledger.append(batch));
                    persist("cost telemetry", batch, () -> appendTelemetry(chatDirectory(batch), batch));
                } finally {
                    pending.addAndGet(-batch.size());
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Sleeps through the gathering window, then takes what came: the callers' offers find nobody
     * waiting on the queue, so queueing an entry never wakes this thread (a context switch per call
     * on two cores). Interrupted, it stops gathering and keeps the flag: what it holds is still written.
     */
    private void gather(List<LedgerEntry> batch) {
        if (queue.size() < BATCH - batch.size()) { // a backlog is written at once
            try {
                TimeUnit.NANOSECONDS.sleep(GATHER_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queue.drainTo(batch, BATCH - batch.size());
    }

    /**
     * One sink, retried on its own (a database restart, a full disk freed): a telemetry failure never
     * writes the ledger rows twice. Gives up, loudly, after {@link #WRITE_ATTEMPTS} or at shutdown.
     */
    private void persist(String sink, List<LedgerEntry> batch, Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                if (attempt > 1) {
                    LOG.infof("%d %s entries written at attempt %d", batch.size(), sink, attempt);
                }
                return;
            } catch (RuntimeException e) {
                String why = Redactor.redact(e.getMessage());
                if (attempt == WRITE_ATTEMPTS || Thread.currentThread().isInterrupted()) {
                    LOG.errorf("%d %s entries not written after %d attempts: %s", batch.size(), sink, attempt, why);
                    return;
                }
                LOG.warnf("%d %s entries not written yet (attempt %d of %d, next in %d ms): %s", batch.size(), sink,
                        attempt, WRITE_ATTEMPTS, RETRY_PAUSE.toMillis(), why);
                try {
                    Thread.sleep(RETRY_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void write(List<LedgerEntry> entries) {
        ledger.append(entries);
        appendTelemetry(chatDirectory(entries), entries);
    }

    private Path chatDirectory(List<LedgerEntry> entries) {
        return artifacts.resolve("llm-router/chat/" + DAY.format(entries.get(0).at()));
    }

    private void appendTelemetry(Path directory, List<LedgerEntry> entries) {
        StringBuilder lines = new StringBuilder();
        try {
            for (LedgerEntry entry : entries) {
                lines.append(json.writeValueAsString(entry)).append('\n');
            }
            if (!Files.isDirectory(directory)) {
                // createDirectories on an existing folder throws and catches an exception inside
                Files.createDirectories(directory);
            }
            Files.writeString(directory.resolve(TELEMETRY_FILE), Redactor.redact(lines.toString()), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cost telemetry in " + directory, e);
        }
    }
}
