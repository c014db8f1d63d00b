package io.openclaw.hq.doctor.rest;

import io.openclaw.hq.platform.errors.ProblemException;

/** Query and path parameters: absent → the default, not a number or out of range → a 400 naming the parameter. */
final class Limits {

    private Limits() {
    }

    static int inRange(String name, String raw, int min, int max, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw ProblemException.badRequest(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static String runId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ProblemException.badRequest("run id must match [A-Za-z0-9_-]{1,64}");
        }
        return id;
    }
}
