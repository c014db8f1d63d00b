package io.openclaw.hq.doctor.rest;

import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.RunTrigger;
import java.util.Locale;

/**
 * Who asked, as the gateway tells it: {@code X-HQ-Actor} (a token fingerprint such as
 * {@code sha256:1a2b3c4d}) and {@code X-HQ-Trigger} (web|sms|api). Both optional; bad values are a 400.
 */
record Caller(RunTrigger trigger, String actor) {

    static final String ACTOR_HEADER = "X-HQ-Actor";
    static final String TRIGGER_HEADER = "X-HQ-Trigger";

    static Caller of(String trigger, String actor) {
        RunTrigger t = RunTrigger.API;
        if (trigger != null && !trigger.isBlank()) {
            String wire = trigger.strip().toLowerCase(Locale.ROOT);
            if (!wire.matches("web|sms|api")) {
                throw ProblemException.badRequest(TRIGGER_HEADER + " must be web, sms or api; was '" + trigger + "'");
            }
            t = RunTrigger.fromWire(wire);
        }
        String a = actor == null || actor.isBlank() ? "api" : actor.strip();
        if (!a.matches("[A-Za-z0-9:_.@-]{1,64}")) {
            throw ProblemException.badRequest(ACTOR_HEADER + " must be 1-64 characters of [A-Za-z0-9:_.@-]");
        }
        return new Caller(t, a);
    }
}
