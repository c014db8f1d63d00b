package io.openclaw.hq.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only two ways a secret may be shown: a masked form and a SHA-256 fingerprint.
 *
 * <p>The masked form keeps a well-known vendor prefix (such as {@code sk-} or {@code sk-proj-}),
 * which identifies the kind of key but nothing of the key itself, and at most the last four
 * characters. Short values keep no characters at all: four characters of an eight-character
 * token would be half of it.
 */
public final class SecretMasking {

    /** Below this length no characters of the value are shown. */
    static final int MIN_LENGTH_FOR_SUFFIX = 12;
    private static final Pattern VENDOR_PREFIX = Pattern.compile("^([a-z]{2,4}[-_](?:proj[-_]|live[-_]|test[-_])?)");

    private SecretMasking() {
    }

    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "(empty)";
        }
        if (value.length() < MIN_LENGTH_FOR_SUFFIX) {
            return "…";
        }
        String prefix = "";
        Matcher m = VENDOR_PREFIX.matcher(value);
        if (m.find() && m.end() <= value.length() - 8) {
            prefix = m.group(1);
        }
        return prefix + "…" + value.substring(value.length() - 4);
    }

    /** {@code sha256:} followed by the first 16 hex digits of the value's SHA-256. */
    public static String fingerprint(String value) {
        return "sha256:" + sha256Hex(value).substring(0, 16);
    }

    public static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
