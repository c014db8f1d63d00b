package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes the review bundle with runner-service's own orb_review_bundle wrapper (the same script the
 * runner's orb_review_bundle job runs), so a bundle and its review packets look the same wherever
 * they were made. Over the size cap the wrapper writes packets; the rule for them is
 * {@link #MAX_PACKETS} at most, every one reviewed, every one APPROVED (see docs/REVIEW_WORKFLOW.md).
 */
public final class Bundler {

    public static final String WRAPPER = "runner-service/src/main/resources/wrappers/orb_review_bundle.sh";
    public static final long DEFAULT_SIZE_CAP_BYTES = 200_000;
    /** More packets than this and the change is too big to review piecewise: it must be split. */
    public static final int MAX_PACKETS = 8;
    /** The router refuses a bundle over 600,000 characters; a packet plus its header stays well under. */
    static final long MAX_SIZE_CAP_BYTES = 500_000;
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final Git git;
    private final Path hqRoot;
    private final long sizeCapBytes;

    public Bundler(Git git, Path hqRoot, long sizeCapBytes) {
        if (sizeCapBytes < 1024 || sizeCapBytes > MAX_SIZE_CAP_BYTES) {
            throw Refusal.usage("the size cap must be 1024 to " + MAX_SIZE_CAP_BYTES + " bytes, not " + sizeCapBytes);
        }
        this.git = git;
        this.hqRoot = hqRoot;
        this.sizeCapBytes = sizeCapBytes;
    }

    /** The bundle from the baseline at HEAD to HEAD. */
    public ReviewBundle bundle() {
        String head = git.head();
        String since = Baseline.at(git, head);
        if (git.commit(since) == null) {
            throw new Refusal("the baseline " + since + " (" + Baseline.PATH + ") is not a commit of this repository;"
                    + " fetch it or correct the file");
        }
        if (since.equals(head) || AdvanceCommit.notAdvance(git, head) == null) {
            throw new Refusal("nothing to review: HEAD " + Baseline.abbrev(head) + " only advances the baseline to "
                    + Baseline.abbrev(since) + "; commit a change first");
        }
        if (!git.isAncestor(since, head)) {
            throw new Refusal("the baseline " + Baseline.abbrev(since) + " is not an ancestor of HEAD "
                    + Baseline.abbrev(head) + ": history was rewritten past the last review; the range cannot be reviewed");
        }
        Path script = hqRoot.resolve(WRAPPER);
        if (!Files.isRegularFile(script)) {
            throw new Refusal("runner-service's bundle wrapper is missing: " + script);
        }
        Path dir = git.dir().resolve(".hq/reviews/bundles").resolve(head);
        recreate(dir);
        Git.Result r = Processes.run(git.dir(), List.of("bash", script.toString()), LIMIT, "orb_review_bundle",
                Map.of("ARTIFACT_DIR", dir.toString(), "SINCE_SHA", since, "SIZE_CAP_BYTES", Long.toString(sizeCapBytes),
                        "REPO_NAME", git.dir().getFileName().toString(), "FORCE_SIZE_CAP", "0"));
        if (!r.ok()) {
            throw new Refusal("orb_review_bundle failed (exit " + r.exitCode() + "): " + Git.firstLine(r.err() + r.out()));
        }
        Path single = dir.resolve("REVIEW_BUNDLE.txt");
        if (Files.isRegularFile(single)) {
            String text = read(single);
            return new ReviewBundle(since, head, "single", List.of(text), text.getBytes(StandardCharsets.UTF_8).length,
                    sizeCapBytes, sha256(List.of(text)), dir);
        }
        return packets(dir, since, head);
    }

    private ReviewBundle packets(Path dir, String since, String head) {
        Path metaFile = dir.resolve("size_cap_meta.json");
        if (!Files.isRegularFile(metaFile)) {
            throw new Refusal("orb_review_bundle wrote neither REVIEW_BUNDLE.txt nor size_cap_meta.json in " + dir);
        }
        JsonNode meta = Json.parse(read(metaFile), metaFile.toString());
        if (!since.equals(meta.path("since_sha").asText()) || !head.equals(meta.path("to_sha").asText())) {
            throw new Refusal("the review packets cover " + meta.path("since_sha").asText() + ".."
                    + meta.path("to_sha").asText() + ", not " + since + ".." + head);
        }
        int count = meta.path("packet_count").asInt();
        if (count > MAX_PACKETS) {
            throw new Refusal("the change is " + meta.path("bundle_bytes").asLong() + " bytes, " + count
                    + " review packets; at most " + MAX_PACKETS + " are reviewed. Split it: push a reviewed part first"
                    + " (the packets are in " + dir + ")");
        }
        Path packetDir = dir.resolve(meta.path("review_packets_dir").asText());
        // every packet is sent with the list of commits and files, so each review sees what the change is
        String readme = read(dir.resolve("README_REVIEW_PACKETS.txt"));
        List<String> texts = new ArrayList<>();
        for (JsonNode name : meta.path("packets")) {
            texts.add(readme + "\n" + read(packetDir.resolve(name.asText())));
        }
        if (texts.size() != count || count == 0) {
            throw new Refusal("size_cap_meta.json lists " + texts.size() + " packet file(s) for packet_count " + count);
        }
        return new ReviewBundle(since, head, "packets", List.copyOf(texts), meta.path("bundle_bytes").asLong(),
                sizeCapBytes, sha256(texts), dir);
    }

    static String sha256(List<String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String text : texts) {
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Refusal("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void recreate(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
