package io.openclaw.hq.runner.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/** config/repo_allowlist.(json|yaml): the only repositories runner-service mirrors, by name. */
@RegisterForReflection
public record RepoAllowlist(Map<String, AllowedRepo> repos) {

    public RepoAllowlist {
        repos = repos == null ? Map.of() : Map.copyOf(repos);
    }
}
