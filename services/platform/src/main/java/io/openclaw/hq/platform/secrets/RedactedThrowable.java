package io.openclaw.hq.platform.secrets;

/**
 * A stand-in for a logged exception whose message (or a cause's) carried a secret: same class
 * name in the text, same stack, message scrubbed.
 */
final class RedactedThrowable extends Throwable {

    private final String originalClassName;

    private RedactedThrowable(Throwable original, Throwable redactedCause) {
        super(Redactor.redact(original.getMessage()), redactedCause, false, true);
        this.originalClassName = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    static Throwable of(Throwable original) {
        if (!carriesSecret(original, 0)) {
            return original;
        }
        return copy(original, 0);
    }

    private static Throwable copy(Throwable t, int depth) {
        Throwable cause = t.getCause() != null && t.getCause() != t && depth < 16 ? copy(t.getCause(), depth + 1) : null;
        return new RedactedThrowable(t, cause);
    }

    private static boolean carriesSecret(Throwable t, int depth) {
        if (t == null || depth > 16) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && !message.equals(Redactor.redact(message))) {
            return true;
        }
        return t.getCause() != t && carriesSecret(t.getCause(), depth + 1);
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message != null ? originalClassName + ": " + message : originalClassName;
    }
}
