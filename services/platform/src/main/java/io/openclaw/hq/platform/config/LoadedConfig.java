package io.openclaw.hq.platform.config;

import java.util.List;
import java.util.Optional;

/**
 * A config file that was validated against its schema. Either it is valid and carries its value,
 * or it carries every violation found; code that needs the file calls {@link #require()} and is
 * refused when the file is invalid.
 */
public final class LoadedConfig<T> {

    private final String file;
    private final T value;
    private final List<ConfigViolation> violations;

    private LoadedConfig(String file, T value, List<ConfigViolation> violations) {
        this.file = file;
        this.value = value;
        this.violations = List.copyOf(violations);
    }

    static <T> LoadedConfig<T> valid(String file, T value) {
        return new LoadedConfig<>(file, value, List.of());
    }

    static <T> LoadedConfig<T> invalid(String file, List<ConfigViolation> violations) {
        return new LoadedConfig<>(file, null, violations);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    public String file() {
        return file;
    }

    public List<ConfigViolation> violations() {
        return violations;
    }

    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** The value, or a {@link ConfigInvalidException} (503, every violation listed). */
    public T require() {
        if (!isValid()) {
            throw new ConfigInvalidException(file, violations);
        }
        return value;
    }
}
