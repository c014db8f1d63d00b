package io.openclaw.hq.llm.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;

/** One provider call as the cost ledger and cost_telemetry.jsonl record it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LedgerEntry(
        Instant at,
        String purpose,
        String provider,
        String model,
        @JsonProperty("caller_run_id") String callerRunId,
        @JsonProperty("router_run_id") String routerRunId,
        @JsonProperty("prompt_tokens") Long promptTokens,
        @JsonProperty("completion_tokens") Long completionTokens,
        @JsonProperty("estimated_usd") BigDecimal estimatedUsd,
        @JsonProperty("actual_usd") BigDecimal actualUsd,
        @JsonProperty("fallback_used") boolean fallbackUsed,
        @JsonProperty("transient_class") String transientClass,
        String outcome,
        boolean stream) {
}
