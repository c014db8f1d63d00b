package io.openclaw.hq.soma.service;

import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.RunTrigger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who asked for a run and how, from {@code X-HQ-Trigger} and {@code X-HQ-Actor}, with the rules of
 * the platform's {@code Caller}. Why a copy: at base 56c8bd5 that class cannot be loaded (its
 * {@code API} constant is built before the {@code ACTOR} pattern it needs, so its static
 * initialiser throws); once the platform declares the pattern first, this class should go.
 */
public record RunCaller(RunTrigger trigger, String actor) {

    public static final String ACTOR_HEADER = "X-HQ-Actor";
    public static final String TRIGGER_HEADER = "X-HQ-Trigger";
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9:_.@+-]{1,128}");

    public static RunCaller of(String triggerHeader, String actorHeader) {
        RunTrigger trigger = RunTrigger.API;
        if (triggerHeader != null && !triggerHeader.isBlank()) {
            String wire = triggerHeader.strip().toLowerCase(Locale.ROOT);
            if (!wire.matches("web|sms|api|timer")) {
                throw ProblemException.badRequest(TRIGGER_HEADER + " must be web, sms, api or timer; was '"
                        + printable(triggerHeader) + "'");
            }
            trigger = RunTrigger.fromWire(wire);
        }
        String actor = actorHeader == null || actorHeader.isBlank() ? "api" : actorHeader.strip();
        if (!ACTOR.matcher(actor).matches()) {
            throw ProblemException.badRequest(ACTOR_HEADER + " must be 1-128 characters of [A-Za-z0-9:_.@+-]");
        }
        return new RunCaller(trigger, actor);
    }

    public static RunCaller timer() {
        return new RunCaller(RunTrigger.TIMER, "timer");
    }

    private static String printable(String value) {
        String cut = value.length() > 16 ? value.substring(0, 16) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
