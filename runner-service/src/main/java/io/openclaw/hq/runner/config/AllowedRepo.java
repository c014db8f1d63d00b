package io.openclaw.hq.runner.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A repository jobs may run on. Its URL comes from this file only, never from a request. */
@RegisterForReflection
public record AllowedRepo(String url, String description, String project) {
}
