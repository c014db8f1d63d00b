package io.openclaw.hq.runner.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/** The body of POST /jobs. {@code sha} is optional (the default branch's head when absent). */
@RegisterForReflection
public record JobRequest(String jobType, String repo, String sha, Map<String, String> params) {
}
