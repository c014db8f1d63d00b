package io.openclaw.hq.soma.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.soma.support.Libraries;
import org.junit.jupiter.api.Test;

class ChangeSummaryTest {

    @Test
    void namesWhatWasAddedRemovedRenamedMovedAndPublished() {
        Library before = Libraries.parse("home", "m1:Basics=l1:Intro,l2:Breath,l3:Rest|m2:Flow=l4:Sun");
        Library after = Libraries.parse("home", "m1:Basics=l1:Welcome,l3:Rest~|m2:Flow=l4:Sun,l2:Breath,l5:Moon");
        ChangeSummary changes = ChangeSummary.between("run-1", before, after);
        assertThat(changes.added()).extracting(ChangeSummary.Change::id).containsExactly("l5");
        assertThat(changes.removed()).isEmpty();
        assertThat(changes.renamed()).singleElement().satisfies(c -> {
            assertThat(c.from()).isEqualTo("Intro");
            assertThat(c.to()).isEqualTo("Welcome");
        });
        assertThat(changes.moved()).extracting(ChangeSummary.Change::id).containsExactly("l2", "l3");
        assertThat(changes.moved().get(0).from()).isEqualTo("module m1 #2");
        assertThat(changes.moved().get(0).to()).isEqualTo("module m2 #2");
        assertThat(changes.publishState()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("l3");
            assertThat(c.to()).isEqualTo("draft");
        });
        assertThat(changes.oneLine()).isEqualTo("since run-1: 1 added, 0 removed, 1 renamed, 2 moved, 1 publish change(s)");

        ChangeSummary removal = ChangeSummary.between("run-2", after, before);
        assertThat(removal.removed()).extracting(ChangeSummary.Change::id).containsExactly("l5");
    }

    @Test
    void anUnchangedLibraryHasNoChangesAndAFirstSnapshotSaysSo() {
        Library library = Libraries.parse("home", "m1:Basics=l1:Intro");
        assertThat(ChangeSummary.between("run-1", library, library).oneLine()).isEqualTo("unchanged since run-1");
        ChangeSummary first = ChangeSummary.between(null, null, library);
        assertThat(first.oneLine()).isEqualTo("first snapshot");
        assertThat(first.added()).hasSize(2);
    }
}
