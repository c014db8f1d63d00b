package io.openclaw.hq.doctor.rest;

import io.openclaw.hq.platform.errors.ProblemException;

/** Query parameters with a range: absent → the default, out of range → a 400 naming the range. */
final class Limits {

    private Limits() {
    }

    static int inRange(String name, Integer value, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw ProblemException.badRequest(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
