package io.openclaw.hq.doctor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One check's answer: what was found, line by line, and on FAIL what to do about it. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(String id, int number, String name, CheckStatus status, String summary, List<String> details,
        String remediation) {

    public CheckResult {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
