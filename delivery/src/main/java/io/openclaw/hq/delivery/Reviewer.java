package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * `review run`: the bundle from the baseline to HEAD, reviewed through the router (one call, or one
 * per packet under the same caller run so the router's per-run budget caps the whole review), each
 * answer checked against the router's schema and range, then one record stored with provenance.
 * No verdict from the router → nothing stored, a refusal.
 */
public final class Reviewer {

    private final Git git;
    private final Bundler bundler;
    private final RouterClient router;
    private final PrintStream out;

    public Reviewer(Git git, Bundler bundler, RouterClient router, PrintStream out) {
        this.git = git;
        this.bundler = bundler;
        this.router = router;
        this.out = out;
    }

    /** The stored record; a refusal when no verdict could be had or the verdict is not APPROVED. */
    public JsonNode run() {
        ReviewBundle bundle = bundler.bundle();
        ReviewStore store = new ReviewStore(git.dir());
        store.delete(bundle.toSha());
        out.printf("review of %s..%s: %s, %d bytes, %d review call(s)%n", Baseline.abbrev(bundle.sinceSha()),
                Baseline.abbrev(bundle.toSha()), bundle.mode(), bundle.bytes(), bundle.texts().size());
        RouterClient.RouterInfo info = router.info();
        if (!"fail-closed".equals(info.reviewGate()) || !"openai".equals(info.pinnedProvider())) {
            throw new Refusal("no review: the router at " + info.url() + " reports review gate '" + info.reviewGate()
                    + "' pinned to '" + info.pinnedProvider() + "', not fail-closed pinned to openai");
        }
        String runId = "hq-review-" + bundle.toSha().substring(0, 12) + "-" + Instant.now().getEpochSecond();
        List<JsonNode> verdicts = new ArrayList<>();
        String version = info.version();
        for (int i = 0; i < bundle.texts().size(); i++) {
            RouterClient.Answer answer = router.review(bundle.texts().get(i), bundle.sinceSha(), bundle.toSha(), runId);
            if (answer.versionHeader() != null && !answer.versionHeader().isBlank()) {
                version = answer.versionHeader();
            }
            JsonNode verdict = answer.verdict();
            List<String> violations = Schemas.INSTANCE.routerVerdictViolations(verdict);
            if (!violations.isEmpty()) {
                throw new Refusal("no verdict: the router's answer does not fit its verdict schema: "
                        + String.join("; ", violations));
            }
            JsonNode meta = verdict.path("meta");
            if (!bundle.sinceSha().equals(meta.path("since_sha").asText()) || !bundle.toSha().equals(meta.path("to_sha").asText())) {
                throw new Refusal("no verdict: the router's verdict covers " + meta.path("since_sha").asText() + ".."
                        + meta.path("to_sha").asText() + ", not the range sent");
            }
            out.printf("  %s%s: %s by %s/%s%s, $%s (router run %s)%n", bundle.packets() ? "packet " + (i + 1) : "bundle",
                    bundle.packets() ? " of " + bundle.texts().size() : "", verdict.path("verdict").asText(),
                    meta.path("provider").asText(), meta.path("model").asText(),
                    meta.path("fallback_used").asBoolean() ? " (fallback, " + meta.path("transient_class").asText() + ")" : "",
                    meta.path("cost_usd").asText(), meta.path("run_id").asText());
            verdicts.add(verdict);
        }
        ObjectNode record = record(bundle, new RouterClient.RouterInfo(info.url(), version, info.reviewGate(),
                info.pinnedProvider(), info.pinnedModel()), verdicts);
        List<String> problems = ReviewRecordCheck.problems(record);
        if (!problems.isEmpty()) {
            throw new Refusal("no verdict stored: the review record is not sound: " + String.join("; ", problems));
        }
        store.write(bundle.toSha(), record);
        out.printf("verdict %s stored in .hq/reviews/%s.json%n", record.path("verdict").asText(), bundle.toSha());
        if (!"APPROVED".equals(record.path("verdict").asText())) {
            throw new Refusal("BLOCKED: " + failedGates(verdicts) + ". Fix what the gates name, commit, and review again"
                    + " (./hq review run); the baseline stays at " + Baseline.abbrev(bundle.sinceSha()));
        }
        return record;
    }

    static ObjectNode record(ReviewBundle bundle, RouterClient.RouterInfo info, List<JsonNode> verdicts) {
        ObjectNode record = Json.MAPPER.createObjectNode();
        boolean approved = verdicts.stream().allMatch(v -> "APPROVED".equals(v.path("verdict").asText()));
        Set<String> providers = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        BigDecimal cost = BigDecimal.ZERO;
        boolean fallback = false;
        for (JsonNode v : verdicts) {
            providers.add(v.path("meta").path("provider").asText());
            models.add(v.path("meta").path("model").asText());
            cost = cost.add(v.path("meta").path("cost_usd").decimalValue());
            fallback |= v.path("meta").path("fallback_used").asBoolean();
        }
        record.put("kind", "openclaw-review-record/1");
        record.put("verdict", approved ? "APPROVED" : "BLOCKED");
        record.put("since_sha", bundle.sinceSha());
        record.put("to_sha", bundle.toSha());
        record.put("simulated", false);
        record.put("provider", String.join(",", providers));
        record.put("model", String.join(",", models));
        record.put("fallback_used", fallback);
        record.put("cost_usd", cost);
        ObjectNode router = record.putObject("router");
        router.put("url", info.url()).put("version", info.version()).put("review_gate", info.reviewGate())
                .put("pinned_provider", info.pinnedProvider()).put("pinned_model", info.pinnedModel());
        record.put("reviewed_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode b = record.putObject("bundle");
        b.put("mode", bundle.mode()).put("bytes", bundle.bytes()).put("size_cap_bytes", bundle.sizeCapBytes())
                .put("packets", bundle.texts().size()).put("sha256", bundle.sha256());
        ArrayNode reviews = record.putArray("reviews");
        verdicts.forEach(reviews::add);
        return record;
    }

    static String failedGates(List<JsonNode> verdicts) {
        List<String> failed = new ArrayList<>();
        for (JsonNode v : verdicts) {
            v.path("gates").fields().forEachRemaining(gate -> {
                if (!"pass".equals(gate.getValue().path("status").asText())) {
                    failed.add(gate.getKey() + " (" + gate.getValue().path("reason").asText() + ")");
                }
            });
        }
        return failed.isEmpty() ? "the reviewer blocked the change" : "failed gate(s): " + String.join(", ", failed);
    }
}
