package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the gateway reads from llm-router-service, as it sends it
 * ({@code contracts/llm-router-service/*.json}): {@code /v1/status} in snake_case, {@code /v1/spend}
 * in camelCase.
 */
public final class RouterContract {

    private RouterContract() {
    }

    /** {@code GET /v1/status}. */
    public record Status(Map<String, Provider> providers, Router router, ConfigHealth config, DoctorSummary doctor) {

        public Status {
            providers = providers == null ? Map.of() : providers;
        }
    }

    /** One provider: state, key (masked and fingerprint only), its breaker and its role in reviews. */
    public record Provider(boolean enabled, boolean configured, @JsonProperty("key_source") String keySource,
            @JsonProperty("key_masked") String keyMasked, @JsonProperty("key_fingerprint") String keyFingerprint,
            String state, @JsonProperty("last_error_class") String lastErrorClass,
            @JsonProperty("api_base") String apiBase, String breaker, @JsonProperty("review_role") String reviewRole,
            ProviderDoctorLine doctor) {
    }

    /** This provider's line of the last provider doctor run (null before the first). */
    public record ProviderDoctorLine(String state, @JsonProperty("last_error_class") String lastErrorClass, String detail,
            String at, @JsonProperty("run_id") String runId) {
    }

    /** Routing and the review gate; {@code version}: the router's build (project version + commit), null from a router too old to say. */
    public record Router(String version, @JsonProperty("review_gate") String reviewGate,
            @JsonProperty("review_provider") String reviewProvider, @JsonProperty("review_model") String reviewModel,
            @JsonProperty("review_fallback") Fallback reviewFallback, Route general, Route vision,
            @JsonProperty("review_caps") ReviewCaps reviewCaps, Budget budget,
            @JsonProperty("review_gate_state") ReviewGateState reviewGateState) {
    }

    /** The review gate as an operator checks it: pinned model and its breaker, the fallback, caps, recent fail-closed refusals. */
    public record ReviewGateState(String mode, @JsonProperty("pinned_provider") String pinnedProvider,
            @JsonProperty("pinned_model") String pinnedModel, @JsonProperty("pinned_breaker") String pinnedBreaker,
            GateFallback fallback, GateCaps caps, @JsonProperty("failed_closed_last_24h") int failedClosedLast24h,
            @JsonProperty("last_failed_closed") FailedClosed lastFailedClosed) {
    }

    public record GateFallback(String provider, String model, boolean enabled, String breaker) {
    }

    public record GateCaps(@JsonProperty("max_output_tokens") int maxOutputTokens, double temperature,
            @JsonProperty("max_usd_per_review") BigDecimal maxUsdPerReview) {
    }

    public record FailedClosed(@JsonProperty("run_id") String runId, String at, String error) {
    }

    public record Fallback(String provider, String model, boolean enabled) {
    }

    public record Route(String provider, String model) {
    }

    public record ReviewCaps(@JsonProperty("max_output_tokens") int maxOutputTokens, double temperature) {
    }

    public record Budget(@JsonProperty("max_usd_per_review") BigDecimal maxUsdPerReview,
            @JsonProperty("max_usd_per_run") BigDecimal maxUsdPerRun,
            @JsonProperty("priced_models") List<String> pricedModels, @JsonProperty("reserved_usd") BigDecimal reservedUsd,
            @JsonProperty("runs_holding_reservations") int runsHoldingReservations,
            @JsonProperty("spent_usd_today") BigDecimal spentUsdToday, @JsonProperty("calls_today") long callsToday) {
    }

    public record ConfigHealth(String file, boolean valid, List<String> violations) {

        public ConfigHealth {
            violations = violations == null ? List.of() : List.copyOf(violations);
        }
    }

    /** The last provider doctor run. */
    public record DoctorSummary(@JsonProperty("last_timestamp") String lastTimestamp, @JsonProperty("run_id") String runId,
            String state, Map<String, ProviderCheck> providers) {

        public DoctorSummary {
            providers = providers == null ? Map.of() : providers;
        }
    }

    public record ProviderCheck(boolean enabled, String state, @JsonProperty("last_error_class") String lastErrorClass,
            @JsonProperty("http_status") Integer httpStatus, String detail) {
    }

    /** {@code GET /v1/spend?days=}: per UTC day, provider and model. */
    public record Spend(int days, Instant since, String currency, List<DailySpend> daily, BigDecimal totalUsd,
            long totalCalls) {

        public Spend {
            daily = daily == null ? List.of() : List.copyOf(daily);
        }
    }

    public record DailySpend(String day, String provider, String model, long calls, BigDecimal costUsd, long promptTokens,
            long completionTokens) {
    }
}
