package io.openclaw.hq.runner.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One allowlisted job type: the wrapper it runs, the parameters it accepts (each checked against
 * its pattern, whole value), and how long the wrapper may run before its process group is
 * terminated ({@code timeout}) and then killed ({@code timeout + grace}).
 */
@RegisterForReflection
public record JobType(
        String description,
        String wrapper,
        @JsonProperty("allowed_params") Map<String, ParamRule> allowedParams,
        @JsonProperty("requires_repo_allowlist") boolean requiresRepoAllowlist,
        @JsonProperty("timeout_seconds") int timeoutSeconds,
        @JsonProperty("grace_seconds") int graceSeconds) {

    public JobType {
        allowedParams = allowedParams == null ? Map.of() : new TreeMap<>(allowedParams);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public Duration grace() {
        return Duration.ofSeconds(graceSeconds);
    }
}
