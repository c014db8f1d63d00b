package io.openclaw.hq.soma.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.soma.support.Libraries;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MirrorMatcherTest {

    /** Each finding as "kind level source-title/target-title", sorted, so a table row reads at a glance. */
    private static List<String> findings(MirrorMatcher.Result result) {
        return result.findings().stream().map(f -> f.kind() + " " + f.level() + " "
                + (f.source() == null ? "-" : f.source().title()) + "/" + (f.target() == null ? "-" : f.target().title()))
                .sorted().collect(Collectors.toList());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("identical libraries",
                        "m1:Basics=l1:Intro,l2:Breath|m2:Flow=l3:Sun",
                        "p1:Basics=q1:Intro,q2:Breath|p2:Flow=q3:Sun",
                        List.of()),
                Arguments.of("titles compared without case, accents or punctuation",
                        "m1:Basics=l1:Café Intro!",
                        "p1:basics=q1:cafe intro",
                        List.of("title_mismatch lesson Café Intro!/cafe intro", "title_mismatch module Basics/basics")),
                Arguments.of("a lesson missing on the target side",
                        "m1:Basics=l1:Intro,l2:Breath,l3:Rest",
                        "p1:Basics=q1:Intro,q3:Rest",
                        List.of("missing_in_target lesson Breath/-")),
                Arguments.of("a lesson only on the target side",
                        "m1:Basics=l1:Intro",
                        "p1:Basics=q1:Intro,q2:Bonus",
                        List.of("missing_in_source lesson -/Bonus")),
                Arguments.of("a rename at the same place is a rename, not a delete and an add",
                        "m1:Basics=l1:Intro,l2:Breath work,l3:Rest",
                        "p1:Basics=q1:Intro,q2:Breathing,q3:Rest",
                        List.of("title_mismatch lesson Breath work/Breathing")),
                Arguments.of("two lessons swapped: one order drift, not two",
                        "m1:Basics=l1:Intro,l2:Breath,l3:Rest",
                        "p1:Basics=q1:Intro,q3:Rest,q2:Breath",
                        List.of("order_drift lesson Breath/Breath")),
                Arguments.of("one module inserted at the top does not make the others drift",
                        "m0:Welcome=|m1:Basics=l1:Intro|m2:Flow=l2:Sun",
                        "p1:Basics=q1:Intro|p2:Flow=q2:Sun",
                        List.of("missing_in_target module Welcome/-")),
                Arguments.of("a lesson moved to another module",
                        "m1:Basics=l1:Intro,l2:Breath|m2:Flow=l3:Sun",
                        "p1:Basics=q1:Intro|p2:Flow=q2:Breath,q3:Sun",
                        List.of("order_drift lesson Breath/Breath")),
                Arguments.of("publish state differs",
                        "m1:Basics=l1:Intro,l2:Breath",
                        "p1:Basics=q1:Intro,q2:Breath~",
                        List.of("publish_drift lesson Breath/Breath")),
                Arguments.of("both sides changed: source renamed one, target dropped another and unpublished a module",
                        "m1:Basics=l1:Intro,l2:Breath 101,l3:Rest|m2:Flow=l4:Sun",
                        "p1:Basics=q1:Intro,q2:Breath|p2:Flow~=q4:Sun",
                        List.of("missing_in_target lesson Rest/-", "publish_drift module Flow/Flow",
                                "title_mismatch lesson Breath 101/Breath")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsExactlyTheDifferences(String name, String source, String target, List<String> expected) {
        MirrorMatcher.Result result = MirrorMatcher.compare(Libraries.parse("home", source),
                Libraries.parse("practitioner", target), Map.of(), Map.of());
        assertThat(findings(result)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theIdentityMapKeepsARenamedLessonPairedEvenWhenItAlsoMoved() {
        // first run: titles pair l2 with q2
        MirrorMatcher.Result first = MirrorMatcher.compare(
                Libraries.parse("home", "m1:Basics=l1:Intro,l2:Breath,l3:Rest"),
                Libraries.parse("practitioner", "p1:Basics=q1:Intro,q2:Breath,q3:Rest"), Map.of(), Map.of());
        Map<String, String> modules = new HashMap<>();
        Map<String, String> lessons = new HashMap<>();
        first.pairs().forEach(p -> ("module".equals(p.level()) ? modules : lessons).put(p.sourceId(), p.targetId()));
        assertThat(lessons).containsEntry("l2", "q2");

        // then the target renames q2 and moves it to the end: without the map this is a delete and an add
        String target = "p1:Basics=q1:Intro,q3:Rest,q2:Breathing deeply";
        MirrorMatcher.Result forgetful = MirrorMatcher.compare(Libraries.parse("home", "m1:Basics=l1:Intro,l2:Breath,l3:Rest"),
                Libraries.parse("practitioner", target), Map.of(), Map.of());
        assertThat(findings(forgetful)).contains("missing_in_target lesson Breath/-");

        MirrorMatcher.Result remembered = MirrorMatcher.compare(Libraries.parse("home", "m1:Basics=l1:Intro,l2:Breath,l3:Rest"),
                Libraries.parse("practitioner", target), modules, lessons);
        assertThat(findings(remembered)).containsExactlyInAnyOrder("title_mismatch lesson Breath/Breathing deeply",
                "order_drift lesson Breath/Breathing deeply");
        assertThat(remembered.pairs()).anySatisfy(p -> {
            assertThat(p.sourceId()).isEqualTo("l2");
            assertThat(p.pairedBy()).isEqualTo("identity");
        });
    }

    @Test
    void duplicateTitlesPairWithinTheTwinModuleFirst() {
        MirrorMatcher.Result result = MirrorMatcher.compare(
                Libraries.parse("home", "m1:Basics=l1:Summary|m2:Flow=l2:Summary"),
                Libraries.parse("practitioner", "p1:Basics=q1:Summary|p2:Flow=q2:Summary"), Map.of(), Map.of());
        assertThat(result.findings()).isEmpty();
        assertThat(result.pairs()).extracting(IdentityPair::sourceId, IdentityPair::targetId)
                .contains(org.assertj.core.groups.Tuple.tuple("l1", "q1"), org.assertj.core.groups.Tuple.tuple("l2", "q2"));
    }

    @Test
    void longestIncreasingRunKeepsTheMostItemsInPlace() {
        boolean[] inOrder = MirrorMatcher.longestIncreasingRun(new int[] {0, 4, 1, 2, 3});
        assertThat(inOrder).containsExactly(true, false, true, true, true);
    }
}
