package io.openclaw.hq.llm.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class RouterVersionTest {

    @Test
    void aCleanBuildIsTheProjectVersionAndTheCommit() {
        assertThat(RouterVersion.describe("1.0.0", build("3f436f9", "false"))).isEqualTo("1.0.0+3f436f9");
    }

    @Test
    void aBuildFromATreeWithChangesSaysSo() {
        assertThat(RouterVersion.describe("1.0.0-SNAPSHOT", build("3f436f9", "true"))).isEqualTo("1.0.0-SNAPSHOT+3f436f9.dirty");
    }

    @Test
    void aBuildWithoutAGitDirectoryOrWithSomethingElseThanACommitSaysTheCommitIsUnknown() {
        assertThat(RouterVersion.describe("1.0.0", new Properties())).isEqualTo("1.0.0+commit-unknown");
        assertThat(RouterVersion.describe("1.0.0", build("${git.commit.id.abbrev}", "false"))).isEqualTo("1.0.0+commit-unknown");
        assertThat(RouterVersion.describe("1.0.0", build("3F43 6F9", "false"))).isEqualTo("1.0.0+commit-unknown");
    }

    private static Properties build(String commit, String dirty) {
        Properties properties = new Properties();
        properties.setProperty("git.commit.id.abbrev", commit);
        properties.setProperty("git.dirty", dirty);
        return properties;
    }
}
