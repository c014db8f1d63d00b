package io.openclaw.hq.llm.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.client.CallAdmission;
import io.openclaw.hq.llm.client.ProviderGuards;
import io.openclaw.hq.llm.client.ProviderRegistry;
import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.config.LlmConfigHolder;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.platform.config.ConfigViolation;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.platform.secrets.SecretStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The data behind HQ's LLM panel: providers (enabled, configured, state, masked key and
 * fingerprint, breaker), the router (review gate fail-closed, routes, caps, budget), config
 * health, and the last provider-doctor result. Never a key.
 */
@ApplicationScoped
public class RouterStatus {

    private final LlmConfigHolder config;
    private final ModelRouter router;
    private final ProviderRegistry providers;
    private final ProviderGuards guards;
    private final SecretResolver secrets;
    private final ProviderDoctor doctor;
    private final ObjectMapper json;
    private final BudgetStore budgets;
    private final CostLedger ledger;
    private final io.openclaw.hq.platform.runs.RunStore runs;
    private final CallAdmission admission;
    private final RouterVersion version;

    public RouterStatus(LlmConfigHolder config, ModelRouter router, ProviderRegistry providers, ProviderGuards guards,
            SecretResolver secrets, ProviderDoctor doctor, ObjectMapper json, BudgetStore budgets, CostLedger ledger,
            io.openclaw.hq.platform.runs.RunStore runs, CallAdmission admission, RouterVersion version) {
        this.admission = admission;
        this.version = version;
        this.budgets = budgets;
        this.ledger = ledger;
        this.runs = runs;
        this.config = config;
        this.router = router;
        this.providers = providers;
        this.guards = guards;
        this.secrets = secrets;
        this.doctor = doctor;
        this.json = json;
    }

    public ObjectNode snapshot() {
        ObjectNode status = json.createObjectNode();
        LlmConfig current = config.isValid() ? config.require() : null;
        java.util.Optional<ObjectNode> lastDoctor = doctor.last();
        ObjectNode list = status.putObject("providers");
        for (ProviderName name : ProviderName.values()) {
            ObjectNode node = provider(name, current);
            node.set("doctor", lastDoctor.map(d -> providerDoctor(d, name)).orElse(null));
            if (!node.hasNonNull("doctor")) {
                node.putNull("doctor");
            }
            list.set(name.wire(), node);
        }
        ObjectNode routerNode = status.putObject("router");
        routerNode.put("version", version.value());
        routerNode.put("review_gate", "fail-closed");
        routerNode.put("review_provider", ProviderName.OPENAI.wire());
        if (current != null) {
            routerNode.put("review_model", router.reviewModel(current));
            current.fallback().ifPresentOrElse(f -> routerNode.putObject("review_fallback")
                    .put("provider", f.provider().wire()).put("model", f.model())
                    .put("enabled", current.isEnabled(f.provider())),
                    () -> routerNode.putNull("review_fallback"));
            routerNode.putObject("general").put("provider", current.defaults().general().provider().wire())
                    .put("model", current.defaults().general().model());
            routerNode.putObject("vision").put("provider", ProviderName.OPENAI.wire())
                    .put("model", current.defaults().vision().model());
            routerNode.putObject("review_caps").put("max_output_tokens", current.reviewCaps().maxOutputTokens())
                    .put("temperature", current.reviewCaps().temperature());
            ObjectNode budget = routerNode.putObject("budget");
            budget.put("max_usd_per_review", current.budget().maxUsdPerReview());
            budget.put("max_usd_per_run", current.budget().maxUsdPerRun());
            ArrayNode priced = budget.putArray("priced_models");
            current.budget().pricing().keySet().stream().sorted().forEach(priced::add);
            routerNode.set("review_gate_state", reviewGate(current));
        }
        CallAdmission.Snapshot calls = admission.snapshot();
        routerNode.putObject("calls_in_flight")
                .put("max", calls.maxInFlight()).put("now", calls.inFlight())
                .put("max_waiting", calls.maxWaiting()).put("waiting", calls.waiting()).put("wait_ms", calls.waitMs())
                .put("admitted_total", calls.admitted()).put("refused_total", calls.refused());
        ObjectNode budgetNow = routerNode.has("budget") ? (ObjectNode) routerNode.get("budget") : routerNode.putObject("budget");
        BudgetStore.Reserved reserved = budgets.reservedNow();
        budgetNow.put("reserved_usd", reserved.reservedUsd().stripTrailingZeros());
        budgetNow.put("runs_holding_reservations", reserved.runs());
        Instant today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.util.List<CostLedger.DailySpend> spentToday = ledger.dailySince(today);
        budgetNow.put("spent_usd_today", spentToday.stream().map(CostLedger.DailySpend::costUsd)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).stripTrailingZeros());
        budgetNow.put("calls_today", spentToday.stream().mapToLong(CostLedger.DailySpend::calls).sum());
        ObjectNode configNode = status.putObject("config");
        configNode.put("file", "config/" + LlmConfigHolder.FILE);
        configNode.put("valid", config.isValid());
        ArrayNode violations = configNode.putArray("violations");
        config.violations().stream().map(ConfigViolation::toString).forEach(violations::add);
        doctor.last().ifPresentOrElse(d -> {
            ObjectNode node = status.putObject("doctor");
            node.put("last_timestamp", d.path("timestamp").asText());
            node.put("run_id", d.path("run_id").asText());
            node.put("state", d.path("state").asText());
            node.set("providers", d.path("providers"));
        }, () -> status.putNull("doctor"));
        return status;
    }

    /**
     * The review gate as an operator checks it: reviews pinned to OpenAI, the one fallback, the caps,
     * and whether it has been failing closed (reviews refused because neither provider answered).
     */
    private ObjectNode reviewGate(LlmConfig current) {
        ObjectNode gate = json.createObjectNode();
        gate.put("mode", "fail-closed");
        gate.put("pinned_provider", ProviderName.OPENAI.wire());
        gate.put("pinned_model", router.reviewModel(current));
        gate.put("pinned_breaker", guards.state(ProviderName.OPENAI));
        current.fallback().ifPresentOrElse(f -> gate.putObject("fallback").put("provider", f.provider().wire())
                .put("model", f.model()).put("enabled", current.isEnabled(f.provider()))
                .put("breaker", guards.state(f.provider())), () -> gate.putNull("fallback"));
        gate.putObject("caps").put("max_output_tokens", current.reviewCaps().maxOutputTokens())
                .put("temperature", current.reviewCaps().temperature())
                .put("max_usd_per_review", current.budget().maxUsdPerReview());
        Instant since = Instant.now().minus(java.time.Duration.ofHours(24));
        java.util.List<io.openclaw.hq.platform.runs.RunRecord> closed = runs.list(since, 500).stream()
                .filter(r -> r.action() != null && r.action().endsWith("review") && "review failed closed".equals(r.summary()))
                .toList();
        gate.put("failed_closed_last_24h", closed.size());
        if (closed.isEmpty()) {
            gate.putNull("last_failed_closed");
        } else {
            io.openclaw.hq.platform.runs.RunRecord last = closed.get(0);
            gate.putObject("last_failed_closed").put("run_id", last.id()).put("at", String.valueOf(last.startedAt()))
                    .put("error", last.error());
        }
        return gate;
    }

    /** This provider's line of the last provider-doctor run, with when and which run. */
    private ObjectNode providerDoctor(ObjectNode last, ProviderName name) {
        JsonNode entry = last.path("providers").path(name.wire());
        if (entry.isMissingNode()) {
            return null;
        }
        ObjectNode node = json.createObjectNode();
        node.put("state", entry.path("state").asText());
        node.set("last_error_class", entry.path("last_error_class"));
        node.put("detail", entry.path("detail").asText(""));
        node.put("at", last.path("timestamp").asText());
        node.put("run_id", last.path("run_id").asText());
        return node;
    }

    private ObjectNode provider(ProviderName name, LlmConfig current) {
        ObjectNode node = json.createObjectNode();
        boolean enabled = current != null && current.isEnabled(name);
        node.put("enabled", enabled);
        boolean configured;
        if (name.needsKey()) {
            SecretStatus key = secrets.status(java.util.List.of(name.secretName())).get(name.secretName());
            configured = key.present();
            node.put("configured", configured);
            node.put("key_source", key.source());
            node.put("key_masked", key.masked());
            node.put("key_fingerprint", key.fingerprint());
        } else {
            // a keyless provider (Ollama) is configured only when it is enabled with an address
            configured = enabled && current.providers().of(name).isPresent();
            node.put("configured", configured);
            node.putNull("key_source");
            node.putNull("key_masked");
            node.putNull("key_fingerprint");
        }
        node.put("state", !enabled ? "disabled" : configured ? "active" : "missing_key");
        if (!configured && enabled) {
            node.put("last_error_class", "missing_key");
        }
        if (current != null && current.providers().of(name).isPresent()) {
            node.put("api_base", providers.apiBase(name, current));
        }
        node.put("breaker", guards.state(name));
        node.put("review_role", name == ProviderName.OPENAI ? "primary"
                : current != null && current.fallback().map(f -> f.provider() == name).orElse(false) ? "fallback" : "never");
        return node;
    }
}
