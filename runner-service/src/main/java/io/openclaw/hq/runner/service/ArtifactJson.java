package io.openclaw.hq.runner.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.platform.secrets.Redactor;
import io.openclaw.hq.runner.model.Invariants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code artifact.json} of a job, the reference's contract: {@code invariants} ({@code read_only_ok},
 * {@code clean_tree_ok}), {@code outputs} (files the wrapper wrote, relative to its
 * {@code ARTIFACT_DIR}), {@code params}, {@code warnings}; when the wrapper left a
 * {@code size_cap_meta.json}, it is kept whole as {@code size_cap_fallback} and
 * {@code size_cap_exceeded}, {@code review_packets_archive} and {@code review_packets_dir} are
 * promoted to the top, its warnings merged into {@code warnings}.
 */
public final class ArtifactJson {

    public static final String FILE = "artifact.json";
    public static final String SIZE_CAP_META = "size_cap_meta.json";
    public static final String SIZE_CAP_WARNING = "SIZE_CAP_EXCEEDED";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final Set<String> warnings = new LinkedHashSet<>();

    public ArtifactJson(String jobId, String runId, String jobType, String repo, String sha, Map<String, String> params) {
        root.put("job_id", jobId);
        root.put("run_id", runId);
        root.put("job_type", jobType);
        root.put("repo", repo);
        root.put("sha", sha);
        ObjectNode p = root.putObject("params");
        new TreeMap<>(params).forEach(p::put);
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Reads the wrapper's size_cap_meta.json, if any; an unreadable one is a warning, never ignored. */
    public void mergeSizeCapMeta(Path artifactDir) {
        Path meta = artifactDir.resolve(SIZE_CAP_META);
        if (!Files.isRegularFile(meta, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(meta.toFile());
        } catch (IOException e) {
            warn("SIZE_CAP_META_UNREADABLE");
            return;
        }
        root.set("size_cap_fallback", node);
        if (node.path("size_cap_exceeded").asBoolean(false)) {
            root.put("size_cap_exceeded", true);
        }
        for (String key : List.of("review_packets_archive", "review_packets_dir")) {
            if (node.hasNonNull(key)) {
                root.set(key, node.get(key));
            }
        }
        node.path("warnings").forEach(w -> warn(w.asText()));
    }

    public boolean sizeCapExceeded() {
        return root.path("size_cap_exceeded").asBoolean(false);
    }

    /** Writes the file, redacted, atomically; returns its path. */
    public Path write(Path runDirectory, String status, Integer exitCode, String errorClass, String error,
            Invariants invariants, List<String> changedFiles, List<String> outputs) {
        root.put("status", status);
        if (exitCode == null) {
            root.putNull("exit_code");
        } else {
            root.put("exit_code", exitCode);
        }
        root.put("error_class", errorClass);
        root.put("error", error);
        ObjectNode inv = root.putObject("invariants");
        inv.put("read_only_ok", invariants != null && invariants.readOnlyOk());
        inv.put("clean_tree_ok", invariants != null && invariants.cleanTreeOk());
        ArrayNode changed = root.putArray("changed_files");
        changedFiles.forEach(changed::add);
        ArrayNode out = root.putArray("outputs");
        outputs.forEach(out::add);
        ArrayNode w = root.putArray("warnings");
        warnings.forEach(w::add);
        Path file = runDirectory.resolve(FILE);
        try {
            Path tmp = runDirectory.resolve(FILE + ".tmp");
            Files.writeString(tmp, Redactor.redact(JSON.writeValueAsString(root)));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing artifact.json", e);
        }
        return file;
    }

    /** Regular files under {@code dir}, relative, sorted; symbolic links are not outputs. */
    public static List<String> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<String> files = new ArrayList<>(walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString()).sorted().toList());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }
}
