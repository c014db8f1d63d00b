package io.openclaw.hq.platform.config;

import java.util.List;

/** Work refused because the config file it needs is invalid; answered as 503 with the violations. */
public class ConfigInvalidException extends RuntimeException {

    private final String file;
    private final transient List<ConfigViolation> violations;

    public ConfigInvalidException(String file, List<ConfigViolation> violations) {
        super("config/" + file + " is invalid: " + violations.size() + " violation(s)");
        this.file = file;
        this.violations = List.copyOf(violations);
    }

    public String file() {
        return file;
    }

    public List<ConfigViolation> violations() {
        return violations;
    }
}
