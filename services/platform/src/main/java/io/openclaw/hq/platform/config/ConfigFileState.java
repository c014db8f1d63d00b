package io.openclaw.hq.platform.config;

import java.time.Instant;
import java.util.List;

/** The outcome of the last load of one operator config file. */
public record ConfigFileState(String file, boolean valid, List<ConfigViolation> violations, Instant checkedAt) {

    public ConfigFileState {
        violations = List.copyOf(violations);
    }
}
