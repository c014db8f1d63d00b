package io.openclaw.hq.platform.config;

/** One reason a config file is refused, located by JSON path ({@code $.budget.pricing}). */
public record ConfigViolation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
