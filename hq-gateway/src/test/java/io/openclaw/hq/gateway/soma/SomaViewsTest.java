package io.openclaw.hq.gateway.soma;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.gateway.Replay;
import io.openclaw.hq.gateway.backends.Backend;
import io.openclaw.hq.gateway.backends.BackendJson;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.SomaContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the Soma page words a mirror report: each kind against the two libraries' names, and a long report cut visibly. */
class SomaViewsTest {

    static SomaContract.LatestMirror recorded() {
        return BackendJson.read(Replay.json("soma-sync-service", "mirror-latest"), SomaContract.LatestMirror.class);
    }

    @Test
    void eachFindingIsARowWithBothSidesAndItsKindInWords() {
        SomaView.MirrorDiff diff = SomaViews.mirror(BackendReply.ok(Backend.SOMA, 200, recorded()));
        SomaContract.Finding first = recorded().report().findings().get(0);
        assertThat(diff.missing()).isNull();
        assertThat(diff.rows()).hasSize(recorded().report().findings().size());
        assertThat(diff.rows().get(0).kindWords()).isEqualTo("title mismatch");
        assertThat(diff.rows().get(0).source()).startsWith(first.source().title() + " (");
        assertThat(diff.rows().get(0).target()).startsWith(first.target().title() + " (");
        assertThat(diff.counts()).extracting(SomaView.Count::kind).containsExactly("missing in Practitioner Library",
                "missing in Home User Library", "title mismatch", "order drift", "publish drift");
    }

    @Test
    void aReportLongerThanTheTableSaysHowMuchItShows() {
        SomaContract.LatestMirror small = recorded();
        SomaContract.Finding one = small.report().findings().get(0);
        List<SomaContract.Finding> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(one);
        }
        SomaContract.MirrorReport report = new SomaContract.MirrorReport(small.report().source(), small.report().target(),
                Map.of("title_mismatch", 250), small.report().pairedBy(), many);
        SomaView.MirrorDiff diff = SomaViews.mirror(BackendReply.ok(Backend.SOMA, 200,
                new SomaContract.LatestMirror(small.runId(), small.finishedAt(), "250 difference(s)", report)));
        assertThat(diff.rows()).hasSize(SomaViews.MAX_MIRROR_ROWS);
        assertThat(diff.summary()).isEqualTo("250 difference(s) (the table shows the first 200 of 250 findings;"
                + " the whole report is in mirror_report.json)");
    }

    @Test
    void noReportYetSaysWhatSomaSaid() {
        var problem = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("status", 404)
                .put("detail", "no mirror report yet: run the mirror (soma_mirror)");
        SomaView.MirrorDiff diff = SomaViews.mirror(BackendReply.refused(Backend.SOMA, 404, problem));
        assertThat(diff.missing()).isEqualTo("no mirror report yet: run the mirror (soma_mirror)");
        assertThat(diff.rows()).isEmpty();
    }
}
