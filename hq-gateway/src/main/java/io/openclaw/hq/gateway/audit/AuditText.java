package io.openclaw.hq.gateway.audit;

/**
 * What a hostile client writes may end up in an audit column. PostgreSQL cannot store U+0000
 * (SQLSTATE 22021) and a control character or a lone surrogate would garble a reader's terminal
 * or the JSON, so each is written as the six characters {@code \}{@code uXXXX} instead: the entry is still
 * stored, still hashed, and shows exactly what was sent.
 */
public final class AuditText {

    private AuditText() {
    }

    public static String escape(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (needsEscape(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c);
    }
}
