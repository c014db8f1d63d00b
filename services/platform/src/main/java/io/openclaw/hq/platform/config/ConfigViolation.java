package io.openclaw.hq.platform.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
/** One reason a config file is refused, located by JSON path ({@code $.budget.pricing}). */
@RegisterForReflection
public record ConfigViolation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
