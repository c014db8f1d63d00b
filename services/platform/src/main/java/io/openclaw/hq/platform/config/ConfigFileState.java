package io.openclaw.hq.platform.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** The outcome of the last load of one operator config file. */
@RegisterForReflection
public record ConfigFileState(String file, boolean valid, List<ConfigViolation> violations, Instant checkedAt) {

    public ConfigFileState {
        violations = List.copyOf(violations);
    }
}
