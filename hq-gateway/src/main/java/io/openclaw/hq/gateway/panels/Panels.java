package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.DisplayCache;
import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.Backends;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The panels of the Overview, Logs and LLM pages. All backend calls of a page start at once
 * through the display cache; each panel then waits for its own answer.
 */
@ApplicationScoped
public class Panels {

    public static final int GUARD_LOG_LINES = 20;

    private final Backends backends;
    private final DisplayCache cache;

    public Panels(Backends backends, DisplayCache cache) {
        this.backends = backends;
        this.cache = cache;
    }

    public OverviewView overview() {
        CompletableFuture<BackendReply> reports = cache.get("doctor.reports", () -> backends.doctorReports(1));
        CompletableFuture<BackendReply> guard = cache.get("guard.status", backends::guardStatus);
        CompletableFuture<BackendReply> log = cache.get("guard.log." + GUARD_LOG_LINES, () -> backends.guardLog(GUARD_LOG_LINES));
        CompletableFuture<BackendReply> llm = cache.get("llm.status", backends::llmStatus);
        CompletableFuture<BackendReply> history = cache.get("doctor.history", () -> backends.doctorHistory(7));
        CompletableFuture<BackendReply> spend = cache.get("llm.spend", () -> backends.llmSpend(30));
        BackendReply llmReply = llm.join();
        return new OverviewView(doctorSummary(reports.join()), guardStatus(guard.join()), guardLog(log.join()),
                llmProviders(llmReply), aiConnections(llmReply), doctorChart(history.join()), spendChart(spend.join()));
    }

    public Panel guardLog(int lines) {
        return guardLog(cache.getNow("guard.log." + lines, () -> backends.guardLog(lines)));
    }

    public List<Panel> llmPage() {
        CompletableFuture<BackendReply> llm = cache.get("llm.status", backends::llmStatus);
        CompletableFuture<BackendReply> spend = cache.get("llm.spend", () -> backends.llmSpend(30));
        BackendReply llmReply = llm.join();
        return List.of(llmProviders(llmReply), aiConnections(llmReply), spendChart(spend.join()));
    }

    static Panel doctorSummary(BackendReply reply) {
        return PanelReader.panel("Doctor", reply, body -> {
            JsonNode reports = PanelReader.array(body, "reports", "items");
            JsonNode report = reports.isArray() ? reports.path(0) : body;
            List<KeyValue> rows = new ArrayList<>();
            String overall = PanelReader.text(report, "status", "overall", "result");
            if (overall != null) {
                rows.add(new KeyValue("overall", overall, PanelReader.tone(overall)));
            }
            String at = PanelReader.text(report, "finishedAt", "timestamp", "at", "startedAt");
            if (at != null) {
                rows.add(new KeyValue("checked at", at, ""));
            }
            for (JsonNode check : PanelReader.array(report, "checks", "results")) {
                String name = PanelReader.text(check, "name", "id", "check");
                String status = PanelReader.text(check, "status", "result", "state");
                String detail = PanelReader.text(check, "detail", "message", "summary");
                rows.add(new KeyValue(name == null ? "?" : name,
                        (status == null ? "?" : status) + (detail == null ? "" : " — " + detail), PanelReader.tone(status)));
            }
            if (rows.isEmpty()) {
                rows.add(new KeyValue("reports", "none yet", "warn"));
            }
            return new Panel("Doctor", reply.backend().serviceName(), "ok", null, rows, List.of(), null);
        });
    }

    static Panel guardStatus(BackendReply reply) {
        return PanelReader.panel("Guard", reply, body -> new Panel("Guard", reply.backend().serviceName(), "ok", null,
                PanelReader.scalars(body), List.of(), null));
    }

    static Panel guardLog(BackendReply reply) {
        return PanelReader.panel("Guard log", reply, body -> {
            List<String> lines = new ArrayList<>();
            if (body.isTextual()) {
                lines.addAll(List.of(body.asText().split("\n")));
            } else {
                for (JsonNode line : PanelReader.array(body, "lines", "entries", "log")) {
                    lines.add(line.isValueNode() ? line.asText() : line.toString());
                }
            }
            return new Panel("Guard log", reply.backend().serviceName(), "ok", null, List.of(), lines, null);
        });
    }

    static Panel llmProviders(BackendReply reply) {
        return PanelReader.panel("LLM providers", reply, body -> {
            List<KeyValue> rows = new ArrayList<>();
            forEachProvider(body, (name, provider) -> {
                String state = PanelReader.text(provider, "state", "status");
                if (state == null) {
                    state = provider.path("configured").asBoolean(false) ? "configured" : "not configured";
                }
                boolean enabled = provider.path("enabled").asBoolean(true);
                rows.add(new KeyValue(name, state + (enabled ? "" : " (disabled)"), PanelReader.tone(state)));
            });
            Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!"providers".equals(field.getKey())) {
                    com.fasterxml.jackson.databind.node.ObjectNode one = com.fasterxml.jackson.databind.node.JsonNodeFactory
                            .instance.objectNode();
                    one.set(field.getKey(), field.getValue());
                    rows.addAll(PanelReader.scalars(one));
                }
            }
            return new Panel("LLM providers", reply.backend().serviceName(), "ok", null, rows, List.of(), null);
        });
    }

    /** Providers and their keys: masked form and fingerprint only, whatever else the body holds. */
    public static Panel aiConnectionsOf(BackendReply reply) {
        return aiConnections(reply);
    }

    static Panel aiConnections(BackendReply reply) {
        return PanelReader.panel("AI connections", reply, body -> {
            List<KeyValue> rows = new ArrayList<>();
            forEachProvider(body, (name, provider) -> {
                String masked = PanelReader.text(provider, "masked", "maskedKey", "keyMasked");
                String fingerprint = PanelReader.text(provider, "fingerprint", "keyFingerprint");
                boolean configured = provider.path("configured").asBoolean(masked != null || fingerprint != null);
                String shown = !configured ? "not configured"
                        : (masked == null ? "" : masked + " ") + (fingerprint == null ? "" : fingerprint);
                rows.add(new KeyValue(name, shown.isBlank() ? "configured" : shown.strip(), configured ? "ok" : "warn"));
            });
            return new Panel("AI connections", reply.backend().serviceName(), "ok", null, rows, List.of(), null);
        });
    }

    static Panel doctorChart(BackendReply reply) {
        return PanelReader.panel("Doctor pass/fail, 7 days", reply, body -> {
            List<SvgCharts.Bar> bars = new ArrayList<>();
            for (JsonNode day : PanelReader.array(body, "days", "history", "items")) {
                bars.add(new SvgCharts.Bar(PanelReader.text(day, "date", "day"), PanelReader.number(day, "pass", "passed"),
                        PanelReader.number(day, "fail", "failed")));
            }
            return new Panel("Doctor pass/fail, 7 days", reply.backend().serviceName(), "ok", null, List.of(), List.of(),
                    SvgCharts.stacked("doctor passes and failures per day", bars, "bar-ok", "bar-bad", ""));
        });
    }

    static Panel spendChart(BackendReply reply) {
        return PanelReader.panel("LLM spend, 30 days", reply, body -> {
            List<SvgCharts.Bar> bars = new ArrayList<>();
            double total = 0;
            for (JsonNode day : PanelReader.array(body, "days", "daily", "spend", "items")) {
                double usd = PanelReader.number(day, "usd", "costUsd", "cost", "amount");
                total += usd;
                bars.add(new SvgCharts.Bar(PanelReader.text(day, "date", "day"), usd, 0));
            }
            String stated = PanelReader.text(body, "totalUsd", "total");
            List<KeyValue> rows = List.of(new KeyValue("total (USD)", stated != null ? stated : SvgCharts.number(total), ""));
            return new Panel("LLM spend, 30 days", reply.backend().serviceName(), "ok", null, rows, List.of(),
                    SvgCharts.stacked("LLM spend per day in USD", bars, "bar-spend", null, " USD"));
        });
    }

    private static void forEachProvider(JsonNode body, java.util.function.BiConsumer<String, JsonNode> each) {
        JsonNode providers = body.path("providers");
        if (providers.isArray()) {
            providers.forEach(p -> each.accept(String.valueOf(PanelReader.text(p, "name", "id", "provider")), p));
        } else if (providers.isObject()) {
            providers.fields().forEachRemaining(e -> each.accept(e.getKey(), e.getValue()));
        }
    }
}
