package io.openclaw.hq.runner.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.runner.support.TestRepos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** orb_review_bundle.sh as shipped, run directly: the fallback succeeds only when it is complete. */
class ReviewBundleScriptTest {

    @TempDir
    Path temp;

    int runScript(Path artifactDir, Map<String, String> env) throws Exception {
        Path script = temp.resolve("orb_review_bundle.sh");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("wrappers/orb_review_bundle.sh")) {
            Files.copy(in, script);
        }
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(TestRepos.path("plain").toFile())
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("ARTIFACT_DIR", artifactDir.toString());
        pb.environment().put("SINCE_SHA", TestRepos.firstCommit("plain"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        return p.exitValue();
    }

    @Test
    void aForcedSizeCapWritesEveryPacketFileAndExitsZero() throws Exception {
        Path out = Files.createDirectories(temp.resolve("ok"));
        assertThat(runScript(out, Map.of("FORCE_SIZE_CAP", "1"))).isZero();
        assertThat(out.resolve("ORB_REVIEW_PACKETS.tar.gz")).exists();
        assertThat(out.resolve("README_REVIEW_PACKETS.txt")).exists();
        String meta = Files.readString(out.resolve("size_cap_meta.json"));
        assertThat(meta).contains("\"size_cap_exceeded\": true", "\"warnings\": [\"SIZE_CAP_EXCEEDED\"]");
        try (var dirs = Files.list(out.resolve("review_packets"))) {
            Path dir = dirs.findFirst().orElseThrow();
            assertThat(dir.resolve("packet_001.txt")).exists();
            assertThat(dir.resolve("HOW_TO_PASTE.txt")).exists();
        }
        assertThat(out.resolve("REVIEW_BUNDLE.txt")).doesNotExist();
    }

    @Test
    void aSmallCapSplitsOneLargeDiffOverSeveralPackets() throws Exception {
        Path out = Files.createDirectories(temp.resolve("split"));
        assertThat(runScript(out, Map.of("SIZE_CAP_BYTES", "100"))).isZero();
        String meta = Files.readString(out.resolve("size_cap_meta.json"));
        assertThat(meta).contains("\"forced\": false").containsPattern("\"packet_count\": [2-9]");
    }

    @Test
    void aFallbackThatCannotCompleteFailsTheWrapper() throws Exception {
        Path out = Files.createDirectories(temp.resolve("broken"));
        // review_packets/ cannot be made: a file is in the way
        Files.writeString(out.resolve("review_packets"), "in the way");
        assertThat(runScript(out, Map.of("FORCE_SIZE_CAP", "1"))).isNotZero();
        assertThat(out.resolve("size_cap_meta.json")).doesNotExist();
    }

    @Test
    void underTheCapTheBundleIsOneFile() throws IOException, Exception {
        Path out = Files.createDirectories(temp.resolve("small"));
        assertThat(runScript(out, Map.of())).isZero();
        assertThat(Files.readString(out.resolve("REVIEW_BUNDLE.txt"))).contains("## Commits", "second", "diff --git");
        assertThat(out.resolve("size_cap_meta.json")).doesNotExist();
    }
}
