package io.openclaw.hq.runner.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/** config/job_allowlist.(json|yaml): the only job types runner-service runs, by name. */
@RegisterForReflection
public record JobAllowlist(Map<String, JobType> jobs) {

    public JobAllowlist {
        jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
    }
}
