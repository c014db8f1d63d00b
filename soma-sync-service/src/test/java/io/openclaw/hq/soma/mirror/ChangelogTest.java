package io.openclaw.hq.soma.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.soma.support.Libraries;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangelogTest {

    @Test
    void readsAsOneSectionPerKindNamingBothLibraries() {
        MirrorMatcher.Result result = MirrorMatcher.compare(Libraries.parse("home", "m1:Basics=l1:Intro,l2:Breath,l3:Rest"),
                Libraries.parse("practitioner", "p1:Basics=q1:Intro,q2:Breathing~"), Map.of(), Map.of());
        MirrorReport report = MirrorReport.of(new MirrorReport.Side("Home User Library", "home", "run-a", "aa"),
                new MirrorReport.Side("Practitioner Library", "practitioner", "run-b", "bb"), result);
        String md = Changelog.render(report);
        assertThat(md).startsWith("# Mirror report: Home User Library → Practitioner Library");
        assertThat(md).contains("## Missing in Practitioner Library (present in Home User Library) (1)",
                "- lesson \"Rest\" (module \"Basics\", place 3)",
                "## Titles that differ (1)", "- lesson \"Breath\" is \"Breathing\" in the target",
                "## Publish state drift (1)");
        assertThat(report.counts()).containsEntry("missing_in_target", 1).containsEntry("title_mismatch", 1)
                .containsEntry("publish_drift", 1).containsEntry("lesson_pairs", 2);
    }
}
