package io.openclaw.hq.platform.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.openclaw.hq.platform.PlatformConfig;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * Starts and ends runs: the row in {@code runs} and {@code artifacts/<area>/<run_id>/run.json},
 * both written when the run starts (again when a run that needed a lock has it) and when it ends.
 */
@ApplicationScoped
public class RunRecorder {

    static final String RUN_JSON = "run.json";
    static final String OUTPUT_LOG = "output.log";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RunStore store;
    private final ArtifactRoot artifactRoot;
    private final PlatformConfig config;
    private final Clock clock = Clock.systemUTC();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public RunRecorder(RunStore store, ArtifactRoot artifactRoot, PlatformConfig config) {
        this.store = store;
        this.artifactRoot = artifactRoot;
        this.config = config;
    }

    public RunHandle start(RunRequest request) {
        Instant now = clock.instant();
        String id = newRunId(now);
        Path directory = runDirectory(request.area(), id);
        RunRecord record = new RunRecord(id, request.project(), config.serviceName(), request.action(),
                request.trigger(), request.actor(), RunStatus.RUNNING, now, null, null, null, null,
                List.of(), List.of(), request.parentRunId());
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("artifact folder of run " + id, e);
        }
        store.insert(record, request.area());
        writeRunJson(record, directory);
        return new RunHandle(this, record, directory, clock);
    }

    /** A run refused before it began (locked, invalid config): recorded so nothing asked for is lost. */
    public RunRecord refuse(RunRequest request, String reason) {
        return start(request).refuse(reason);
    }

    /** Rewrites run.json of a run whose row changed outside a handle (start-up recovery). */
    void rewriteRunJson(RunRecord record) {
        store.areaOf(record.id()).ifPresent(area -> writeRunJson(record, runDirectory(area, record.id())));
    }

    /** The folder of a stored run, or empty when the run is unknown. */
    public java.util.Optional<Path> directoryOf(String runId) {
        return store.areaOf(runId).map(area -> runDirectory(area, runId));
    }

    private Path runDirectory(String area, String runId) {
        return artifactRoot.resolve(area + "/" + runId);
    }

    void persistStart(RunRecord record, Path directory) {
        store.updateStartedAt(record.id(), record.startedAt());
        writeRunJson(record, directory);
    }

    void persistEnd(RunRecord record, Path directory) {
        store.update(record);
        writeRunJson(record, directory);
    }

    ArtifactRoot artifactRoot() {
        return artifactRoot;
    }

    private void writeRunJson(RunRecord record, Path directory) {
        try {
            Files.createDirectories(directory);
            Path tmp = directory.resolve(RUN_JSON + ".tmp");
            Files.writeString(tmp, Redactor.redact(json.writeValueAsString(record)));
            // readers never see a half-written run.json
            Files.move(tmp, directory.resolve(RUN_JSON), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("run.json of run " + record.id(), e);
        }
    }

    static String newRunId(Instant at) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return ID_TIME.format(at) + "-" + HexFormat.of().formatHex(suffix);
    }
}
