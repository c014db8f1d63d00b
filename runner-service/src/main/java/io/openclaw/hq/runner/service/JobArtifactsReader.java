package io.openclaw.hq.runner.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.runner.model.Job;
import io.openclaw.hq.runner.model.JobArtifacts;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A job's artifact.json and the files of its run folder. */
@ApplicationScoped
public class JobArtifactsReader {

    private final RunRecorder recorder;
    private final ArtifactRoot root;

    public JobArtifactsReader(RunRecorder recorder, ArtifactRoot root) {
        this.recorder = recorder;
        this.root = root;
    }

    public JobArtifacts of(Job job) {
        if (job.runId() == null) {
            return new JobArtifacts(job.id(), null, job.status(), null, List.of());
        }
        Path dir = recorder.directoryOf(job.runId()).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            return new JobArtifacts(job.id(), job.runId(), job.status(), null, List.of());
        }
        JsonNode artifact = null;
        Path file = dir.resolve(ArtifactJson.FILE);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                artifact = ArtifactJson.JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("artifact.json of job " + job.id(), e);
            }
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<JobArtifacts.ArtifactFile> files = walk
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .map(p -> new JobArtifacts.ArtifactFile(root.relativize(p), size(p)))
                    .sorted(java.util.Comparator.comparing(JobArtifacts.ArtifactFile::path))
                    .toList();
            return new JobArtifacts(job.id(), job.runId(), job.status(), artifact, files);
        } catch (IOException e) {
            throw new UncheckedIOException("artifacts of job " + job.id(), e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
