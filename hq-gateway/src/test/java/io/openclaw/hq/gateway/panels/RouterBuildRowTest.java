package io.openclaw.hq.gateway.panels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterBuildRowTest {

    @Test
    void aBuildFromACommitIsShownAsItIs() {
        assertThat(RouterPanels.build("1.0.0+3f436f9")).isEqualTo("1.0.0+3f436f9");
        assertThat(RouterPanels.buildTone("1.0.0+3f436f9")).isEqualTo("ok");
    }

    @Test
    void aBuildFromUncommittedChangesOrWithoutItsCommitIsAWarning() {
        assertThat(RouterPanels.build("1.0.0+3f436f9.dirty")).endsWith("(built from uncommitted changes)");
        assertThat(RouterPanels.buildTone("1.0.0+3f436f9.dirty")).isEqualTo("warn");
        assertThat(RouterPanels.build("1.0.0+commit-unknown")).endsWith("(built without git: the commit is unknown)");
        assertThat(RouterPanels.buildTone("1.0.0+commit-unknown")).isEqualTo("warn");
    }

    @Test
    void aRouterThatNamesNoBuildIsSaidToBeRefusedForReviews() {
        assertThat(RouterPanels.build(null)).contains("not reported").contains("reviews are refused");
        assertThat(RouterPanels.buildTone(null)).isEqualTo("warn");
        assertThat(RouterPanels.buildTone(" ")).isEqualTo("warn");
    }
}
