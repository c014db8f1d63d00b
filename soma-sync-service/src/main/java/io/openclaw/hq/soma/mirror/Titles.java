package io.openclaw.hq.soma.mirror;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Titles as the mirror compares them: accents, case, punctuation and spacing do not count. */
public final class Titles {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Titles() {
    }

    public static String normalise(String title) {
        // most titles are ASCII: one pass, no Unicode decomposition, no regex
        String text = isAscii(title) ? title : MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
