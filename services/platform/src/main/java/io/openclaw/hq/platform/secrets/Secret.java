package io.openclaw.hq.platform.secrets;

/**
 * A resolved secret. {@link #toString()} is masked so that string concatenation, a debugger or a
 * careless log line never shows the value; call {@link #reveal()} only where the value is sent to
 * the party it belongs to.
 */
public final class Secret {

    private final String name;
    private final String value;
    private final Source source;

    public enum Source {
        ENVIRONMENT, FILE
    }

    Secret(String name, String value, Source source) {
        this.name = name;
        this.value = value;
        this.source = source;
    }

    public String name() {
        return name;
    }

    public String reveal() {
        return value;
    }

    public Source source() {
        return source;
    }

    public String masked() {
        return SecretMasking.mask(value);
    }

    public String fingerprint() {
        return SecretMasking.fingerprint(value);
    }

    /** Constant-time comparison, so the time taken says nothing about how much of a guess was right. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return name + "=" + masked();
    }
}
