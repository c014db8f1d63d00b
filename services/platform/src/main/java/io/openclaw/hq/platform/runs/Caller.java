package io.openclaw.hq.platform.runs;

import io.openclaw.hq.platform.errors.ProblemException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who asked for a run, and how, as the gateway tells a backend: {@code X-HQ-Actor} (a Tailscale
 * login or a token fingerprint such as {@code sha256:1a2b3c4d}) and {@code X-HQ-Trigger}
 * (web|sms|api|timer). The headers are believed only because every non-{@code /q/} path needs the
 * internal token first ({@code InternalTokenFilter}). Both are optional; a call without them is an
 * API call by "api". A malformed value is a 400 naming the header, never silently replaced.
 */
public record Caller(RunTrigger trigger, String actor) {

    public static final String ACTOR_HEADER = "X-HQ-Actor";
    public static final String TRIGGER_HEADER = "X-HQ-Trigger";
    // before API: a constant's constructor reads it while the class initialises
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9:_.@+-]{1,128}");
    public static final Caller API = new Caller(RunTrigger.API, "api");

    public Caller {
        if (trigger == null) {
            throw new IllegalArgumentException("a caller needs a trigger");
        }
        if (actor == null || !ACTOR.matcher(actor).matches()) {
            throw new IllegalArgumentException("actor must be 1-128 characters of [A-Za-z0-9:_.@+-]");
        }
    }

    /** The caller named by the two headers' raw values (either may be null). */
    public static Caller of(String triggerHeader, String actorHeader) {
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
        return new Caller(trigger, actor);
    }

    /** A run started by a service's own schedule. */
    public static Caller timer() {
        return new Caller(RunTrigger.TIMER, "timer");
    }

    private static String printable(String value) {
        String cut = value.length() > 16 ? value.substring(0, 16) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
