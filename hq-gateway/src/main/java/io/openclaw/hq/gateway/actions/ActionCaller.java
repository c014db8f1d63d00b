package io.openclaw.hq.gateway.actions;

import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunTrigger;
import java.util.regex.Pattern;

/**
 * Who asked for an action, as the gateway tells the backend ({@code X-HQ-Actor}): the Tailscale
 * login when the request came through a trusted proxy (the auth package believes it only then),
 * else the session's or token's fingerprint ({@code sha256:…}). A login the header cannot carry
 * falls back to the fingerprint rather than being altered.
 */
public final class ActionCaller {

    private static final Pattern HEADER_SAFE = Pattern.compile("[A-Za-z0-9:_.@+-]{1,128}");

    private ActionCaller() {
    }

    public static Caller of(Principal principal, RunTrigger trigger) {
        String person = principal.person();
        String actor = person != null && HEADER_SAFE.matcher(person).matches() ? person : principal.actor();
        if (actor == null || !HEADER_SAFE.matcher(actor).matches()) {
            actor = "unknown";
        }
        return new Caller(trigger, actor);
    }
}
