package io.openclaw.hq.platform.runs;

import io.openclaw.hq.platform.secrets.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run in progress. Output lines go, redacted, to {@code output.log}; the run ends exactly once
 * through {@link #succeed}, {@link #fail} or {@link #refuse}, which write the row and
 * {@code run.json} again. A handle closed without an ending ends as a failure, so no run is left
 * half-written.
 */
public final class RunHandle implements AutoCloseable {

    private final RunRecorder recorder;
    private final Path directory;
    private final Clock clock;
    private final List<String> artifacts = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private RunRecord record;
    private boolean finished;
    private AutoCloseable releasedAtEnd;

    RunHandle(RunRecorder recorder, RunRecord record, Path directory, Clock clock) {
        this.recorder = recorder;
        this.record = record;
        this.directory = directory;
        this.clock = clock;
    }

    public String id() {
        return record.id();
    }

    /** The run's own artifact folder, {@code artifacts/<area>/<run_id>/}. */
    public Path directory() {
        return directory;
    }

    public synchronized RunRecord record() {
        return record;
    }

    public synchronized void log(String line) {
        String safe = Redactor.redact(line == null ? "" : line).replace("\r", "");
        try {
            Files.writeString(directory.resolve(RunRecorder.OUTPUT_LOG), safe.endsWith("\n") ? safe : safe + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("output.log of run " + id(), e);
        }
    }

    /** Records a file written under the artifact root as one of this run's artifacts. */
    public synchronized void addArtifact(Path file) {
        artifacts.add(recorder.artifactRoot().relativize(file));
    }

    public synchronized void warn(String warning) {
        warnings.add(Redactor.redact(warning));
    }

    public RunRecord succeed(String summary) {
        return finish(RunStatus.SUCCESS, summary, null);
    }

    public RunRecord fail(String summary, String error) {
        return finish(RunStatus.FAILURE, summary, error);
    }

    public RunRecord refuse(String reason) {
        return finish(RunStatus.REFUSED, reason, reason);
    }

    /**
     * Something the run holds (its lock), let go when the run ends: after the end is timed and
     * before it is recorded (see {@link #finish}).
     */
    synchronized void releaseAtEnd(AutoCloseable resource) {
        releasedAtEnd = resource;
    }

    /**
     * The run begins now, once its lock is taken: {@code startedAt} becomes this instant (row and
     * run.json), so a run never appears to start while the previous holder of its lock still ran.
     */
    synchronized void beginNow() {
        record = record.startingAt(clock.instant());
        recorder.persistStart(record, directory);
    }

    public synchronized boolean isFinished() {
        return finished;
    }

    public synchronized RunRecord finish(RunStatus status, String summary, String error) {
        if (finished) {
            return record;
        }
        if (!status.isFinished()) {
            throw new IllegalArgumentException("a run cannot end as " + status.wire());
        }
        finished = true;
        // Timed while the lock is still held, recorded after letting it go. The next run of the lock
        // takes its startedAt only once it has the lock, so after this instant: the records of one
        // lock never overlap. And whoever sees this run finished finds the lock already free.
        Instant end = clock.instant();
        releaseHeld();
        record = record.finished(status, end, Redactor.redact(summary), Redactor.redact(error),
                withRunFiles(artifacts), warnings);
        recorder.persistEnd(record, directory);
        return record;
    }

    private void releaseHeld() {
        if (releasedAtEnd == null) {
            return;
        }
        try {
            releasedAtEnd.close();
        } catch (Exception e) {
            warnings.add("releasing what the run held: " + Redactor.redact(String.valueOf(e.getMessage())));
        } finally {
            releasedAtEnd = null;
        }
    }

    private List<String> withRunFiles(List<String> produced) {
        List<String> all = new ArrayList<>();
        all.add(recorder.artifactRoot().relativize(directory.resolve(RunRecorder.RUN_JSON)));
        if (Files.exists(directory.resolve(RunRecorder.OUTPUT_LOG))) {
            all.add(recorder.artifactRoot().relativize(directory.resolve(RunRecorder.OUTPUT_LOG)));
        }
        produced.stream().filter(a -> !all.contains(a)).forEach(all::add);
        return all;
    }

    @Override
    public void close() {
        if (!isFinished()) {
            fail("ended without a result", "the run ended without recording a result");
        }
    }
}
