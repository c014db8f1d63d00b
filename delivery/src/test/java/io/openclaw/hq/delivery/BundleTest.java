package io.openclaw.hq.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `review bundle` in real repositories: the bounded diff from the baseline, and review packets over the cap. */
class BundleTest {

    @TempDir
    Path tmp;

    static String lines(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(prefix).append(' ').append(i).append(" some text to make the diff longer\n");
        }
        return text.toString();
    }

    @Test
    void bundleIsTheDiffFromTheBaselineToHead() {
        Sandbox s = new Sandbox(tmp);
        String head = s.change("src/app.sh", "echo reviewed change\n");

        Sandbox.Outcome o = s.hq("review", "bundle");

        assertThat(o.exit()).as(o.all()).isZero();
        assertThat(o.out()).contains(s.root0 + ".." + head).contains("single");
        String bundle = Sandbox.read(s.clone.resolve(".hq/reviews/bundles/" + head + "/REVIEW_BUNDLE.txt"));
        assertThat(bundle).contains("since: " + s.root0).contains("to:    " + head).contains("+echo reviewed change")
                // the range starts at the baseline, so the commit that set the baseline is part of it
                .contains("docs/LAST_REVIEWED_SHA.txt");
    }

    @Test
    void overTheSizeCapTheChangeBecomesReviewPacketsAsTheRunnerMakesThem() {
        Sandbox s = new Sandbox(tmp);
        s.change("a.txt", lines("a", 40));
        String head = s.change("b.txt", lines("b", 40));

        Sandbox.Outcome o = s.hq("review", "bundle", "--size-cap", "2048");

        assertThat(o.exit()).as(o.all()).isZero();
        assertThat(o.out()).contains("packets").contains("every one must be APPROVED");
        Path dir = s.clone.resolve(".hq/reviews/bundles/" + head);
        assertThat(dir.resolve("size_cap_meta.json")).exists();
        assertThat(dir.resolve("ORB_REVIEW_PACKETS.tar.gz")).exists();
        assertThat(dir.resolve("README_REVIEW_PACKETS.txt")).exists();
        assertThat(dir.resolve("REVIEW_BUNDLE.txt")).doesNotExist();
        assertThat(Sandbox.read(dir.resolve("size_cap_meta.json"))).contains("\"size_cap_exceeded\": true")
                .contains("\"to_sha\": \"" + head + "\"");
    }

    @Test
    void aChangeOfMoreThanEightPacketsIsRefusedNotPassed() {
        Sandbox s = new Sandbox(tmp);
        for (int i = 0; i < 10; i++) {
            s.change("f" + i + ".txt", lines("f" + i, 30));
        }

        Sandbox.Outcome o = s.hq("review", "bundle", "--size-cap", "1500");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("review packets; at most 8 are reviewed").contains("Split it");
    }

    @Test
    void aMalformedBaselineIsRefused() throws Exception {
        Sandbox s = new Sandbox(tmp);
        Files.writeString(s.clone.resolve(Baseline.PATH), "not a sha\n");
        Sandbox.sh(s.clone, "git", "commit", "-q", "-am", "broken baseline");

        Sandbox.Outcome o = s.hq("review", "bundle");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("must hold exactly one full 40-character commit SHA");
    }

    @Test
    void aRepositoryWithoutBaselineIsRefused() {
        Sandbox s = new Sandbox(tmp);
        Sandbox.sh(s.clone, "git", "rm", "-q", Baseline.PATH);
        Sandbox.sh(s.clone, "git", "commit", "-q", "-m", "no baseline");

        Sandbox.Outcome o = s.hq("review", "bundle");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains(Baseline.PATH + " does not exist");
    }
}
