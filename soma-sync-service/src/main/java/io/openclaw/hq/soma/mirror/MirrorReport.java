package io.openclaw.hq.soma.mirror;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** mirror_report.json: which snapshots were compared, how items were paired, and every finding. */
@RegisterForReflection
public record MirrorReport(Side source, Side target, Map<String, Integer> counts, Map<String, Integer> pairedBy,
        List<MirrorFinding> findings) {

    /** The snapshot one side was read from. */
    @RegisterForReflection
    public record Side(String product, String slug, String snapshotRunId, String snapshotSha256) {
    }

    public static MirrorReport of(Side source, Side target, MirrorMatcher.Result result) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String kind : List.of("missing_in_target", "missing_in_source", "title_mismatch", "order_drift",
                "publish_drift")) {
            counts.put(kind, 0);
        }
        result.findings().forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        counts.put("module_pairs", (int) result.pairs().stream().filter(p -> "module".equals(p.level())).count());
        counts.put("lesson_pairs", (int) result.pairs().stream().filter(p -> "lesson".equals(p.level())).count());
        Map<String, Integer> pairedBy = new TreeMap<>();
        for (String how : List.of("identity", "title", "position")) {
            pairedBy.put(how, 0);
        }
        result.pairs().forEach(p -> pairedBy.merge(p.pairedBy(), 1, Integer::sum));
        return new MirrorReport(source, target, counts, pairedBy, result.findings());
    }

    public int differences() {
        return findings.size();
    }
}
