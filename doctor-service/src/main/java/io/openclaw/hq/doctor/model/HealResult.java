package io.openclaw.hq.doctor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** What POST /heal did: the pre-check, the fix (if any), the verification and the evidence bundle. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealResult(String runId, String mode, String target, CheckStatus status, Posture precheck, Fix fix,
        Verification verification, Evidence evidence) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fix(boolean attempted, Boolean succeeded, String detail) {
    }

    @RegisterForReflection
    public record Verification(String doctorRunId, CheckStatus status, String summary, List<String> failing) {
    }

    @RegisterForReflection
    public record Evidence(String directory, String bundle, String bundleSha256, List<String> files) {
    }
}
