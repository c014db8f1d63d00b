package io.openclaw.hq.runner.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.regex.Pattern;

/** What a value of one allowed parameter must look like: it matches {@code pattern} whole. */
@RegisterForReflection
public record ParamRule(String pattern, Boolean required, String description) {

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    public boolean accepts(String value) {
        return Pattern.compile(pattern).matcher(value).matches();
    }
}
