package io.openclaw.hq.platform.errors;

/**
 * For actions that take no input (start a doctor run, a guard run, the provider doctor): a body
 * the caller sent is refused, never ignored, because a caller who sends one believes it means
 * something. Nothing, blank, or an empty JSON object {@code {}} count as no body.
 */
public final class NoBody {

    private NoBody() {
    }

    public static void require(String body) {
        if (body == null) {
            return;
        }
        String text = body.strip();
        if (text.isEmpty() || text.replaceAll("\\s", "").equals("{}")) {
            return;
        }
        throw new ProblemException(400, "bad request", "this endpoint takes no body; send none (or {})");
    }
}
