package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a review record one the baseline may rest on. Used by finish and by the push gate, so
 * both refuse the same things: a record that does not fit its schema, a router verdict that does not
 * fit the router's, anything simulated, missing provenance, a verdict per packet that disagrees
 * with the record's range or with the record's overall verdict.
 */
final class ReviewRecordCheck {

    private ReviewRecordCheck() {
    }

    /** Every problem with the record as a review of sinceSha..toSha; empty when it is sound (APPROVED or not). */
    static List<String> problems(JsonNode record) {
        List<String> problems = new ArrayList<>();
        if (record == null || !record.isObject()) {
            return List.of("the review record is not a JSON object");
        }
        // simulated and provenance first, by name, so the refusal says exactly that
        if (!record.path("simulated").isBoolean() || record.path("simulated").asBoolean()) {
            problems.add("simulated is not false: a simulated review never satisfies the gate");
        }
        for (String field : List.of("provider", "model", "cost_usd", "fallback_used", "router")) {
            if (!record.hasNonNull(field)) {
                problems.add("provenance missing: " + field);
            }
        }
        if (record.hasNonNull("router") && record.path("router").path("version").asText("").isBlank()) {
            problems.add("provenance missing: router.version");
        }
        Schemas.INSTANCE.recordViolations(record).forEach(v -> problems.add("record: " + v));
        JsonNode reviews = record.path("reviews");
        if (!reviews.isArray()) {
            return problems;
        }
        String since = record.path("since_sha").asText();
        String to = record.path("to_sha").asText();
        boolean allApproved = true;
        for (int i = 0; i < reviews.size(); i++) {
            JsonNode verdict = reviews.get(i);
            String label = "reviews[" + i + "]";
            Schemas.INSTANCE.routerVerdictViolations(verdict).forEach(v -> problems.add(label + ": " + v));
            JsonNode meta = verdict.path("meta");
            if (!meta.path("simulated").isBoolean() || meta.path("simulated").asBoolean()) {
                problems.add(label + ": simulated is not false");
            }
            if (!since.equals(meta.path("since_sha").asText()) || !to.equals(meta.path("to_sha").asText())) {
                problems.add(label + ": covers " + meta.path("since_sha").asText() + ".." + meta.path("to_sha").asText()
                        + ", not the record's range " + since + ".." + to);
            }
            allApproved &= "APPROVED".equals(verdict.path("verdict").asText());
        }
        int packets = record.path("bundle").path("packets").asInt(-1);
        if (packets != reviews.size()) {
            problems.add("the bundle has " + packets + " packet(s) but the record holds " + reviews.size()
                    + " verdict(s): every packet must be reviewed");
        }
        String overall = record.path("verdict").asText();
        if ("APPROVED".equals(overall) && !allApproved) {
            problems.add("verdict APPROVED although a packet's verdict is not APPROVED");
        }
        return problems;
    }
}
