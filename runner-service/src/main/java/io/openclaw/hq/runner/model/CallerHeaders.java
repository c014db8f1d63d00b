package io.openclaw.hq.runner.model;

import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.RunTrigger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who asked, from {@code X-HQ-Actor} and {@code X-HQ-Trigger}, with the rules of the platform's
 * {@code Caller.of}. A stand-in: at this branch's base the platform {@code Caller} cannot be
 * loaded (its static {@code API} constant is built before the {@code ACTOR} pattern it checks
 * against, so class initialisation fails with a NullPointerException). Replace by
 * {@code Caller.of} once that is fixed.
 */
public record CallerHeaders(RunTrigger trigger, String actor) {

    public static final String ACTOR_HEADER = "X-HQ-Actor";
    public static final String TRIGGER_HEADER = "X-HQ-Trigger";
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9:_.@+-]{1,128}");

    /** The caller named by the two headers' raw values (either may be null: an API call by "api"). */
    public static CallerHeaders of(String triggerHeader, String actorHeader) {
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
        return new CallerHeaders(trigger, actor);
    }

    private static String printable(String value) {
        String cut = value.length() > 16 ? value.substring(0, 16) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
