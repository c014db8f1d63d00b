package io.openclaw.hq.soma.mirror;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Titles as the mirror compares them: accents, case, punctuation and spacing do not count. */
public final class Titles {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Titles() {
    }

    public static String normalise(String title) {
        String decomposed = Normalizer.normalize(title, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }
}
