package io.openclaw.hq.gateway.pages;

import io.openclaw.hq.platform.errors.ProblemException;

/** Query parameters every page and API reads, checked so a typo is a 400 that says so. */
public final class QueryParams {

    private QueryParams() {
    }

    /** A whole number, the fallback when absent or blank, else a 400 naming the parameter. */
    public static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, was '" + value + "'");
        }
    }
}
