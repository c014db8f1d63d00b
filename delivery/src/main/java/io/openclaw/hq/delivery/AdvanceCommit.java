package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The baseline-advance commit: on top of the reviewed commit, it changes docs/LAST_REVIEWED_SHA.txt
 * to that commit and nothing else, and its message carries the review record on one
 * {@code Review-Record:} line. Committed, so every clone (the push gate, the VPS) can read what
 * approved the code, while the commit itself still changes only the baseline file.
 */
public final class AdvanceCommit {

    static final String TRAILER = "Review-Record: ";

    private AdvanceCommit() {
    }

    static String message(JsonNode record) {
        String since = record.path("since_sha").asText();
        String to = record.path("to_sha").asText();
        return "review: baseline advanced to " + Baseline.abbrev(to) + "\n\n"
                + record.path("verdict").asText() + " by " + record.path("provider").asText() + "/"
                + record.path("model").asText() + " for " + Baseline.abbrev(since) + ".." + Baseline.abbrev(to) + " ("
                + record.path("bundle").path("packets").asInt() + " review call(s), $" + record.path("cost_usd").asText()
                + (record.path("fallback_used").asBoolean() ? ", fallback used" : "") + ").\n"
                + "This commit changes only " + Baseline.PATH + "; the push gate reads the record below.\n\n"
                + TRAILER + Json.compact(record) + "\n";
    }

    /** The record a commit message carries, or null when it carries none. */
    static JsonNode recordIn(String message) {
        String found = null;
        for (String line : message.split("\n")) {
            if (line.startsWith(TRAILER)) {
                found = line.substring(TRAILER.length()).strip();
            }
        }
        return found == null ? null : Json.parse(found, "the Review-Record line");
    }

    /**
     * Why a commit is not a baseline-advance commit; null when it is one: one parent, only the baseline
     * file changed, and that file now names the parent.
     */
    static String notAdvance(Git git, String commit) {
        List<String> parents = git.parents(commit);
        if (parents.size() != 1) {
            return Baseline.abbrev(commit) + " has " + parents.size() + " parents";
        }
        List<String> changed = git.changedPaths(parents.get(0), commit);
        if (!changed.equals(List.of(Baseline.PATH))) {
            return Baseline.abbrev(commit) + " changes " + (changed.isEmpty() ? "nothing" : String.join(", ", changed))
                    + ", not only " + Baseline.PATH;
        }
        String baseline = git.show(commit, Baseline.PATH);
        if (baseline == null || !baseline.strip().equals(parents.get(0))) {
            return Baseline.abbrev(commit) + "'s " + Baseline.PATH + " does not name its parent " + Baseline.abbrev(parents.get(0));
        }
        return null;
    }
}
