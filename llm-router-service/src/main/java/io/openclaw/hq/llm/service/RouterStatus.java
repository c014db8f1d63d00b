package io.openclaw.hq.llm.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.client.ProviderGuards;
import io.openclaw.hq.llm.client.ProviderRegistry;
import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.config.LlmConfigHolder;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.platform.config.ConfigViolation;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.platform.secrets.SecretStatus;
import jakarta.enterprise.context.ApplicationScoped;

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

    public RouterStatus(LlmConfigHolder config, ModelRouter router, ProviderRegistry providers, ProviderGuards guards,
            SecretResolver secrets, ProviderDoctor doctor, ObjectMapper json) {
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
        ObjectNode list = status.putObject("providers");
        for (ProviderName name : ProviderName.values()) {
            list.set(name.wire(), provider(name, current));
        }
        ObjectNode routerNode = status.putObject("router");
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
        }
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
            configured = true;
            node.put("configured", true);
            node.putNull("key_source");
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
