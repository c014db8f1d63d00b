package io.openclaw.hq.platform.secrets;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value this process has seen, and the one operation on them: replace each in a
 * text by its masked form. Static because the log filter runs outside CDI and must work from the
 * first log line on.
 */
public final class Redactor {

    /** Values shorter than this are not scrubbed: replacing "ab" everywhere would garble logs and hide nothing. */
    static final int MIN_SCRUBBED_LENGTH = 6;

    private static final Map<String, String> MASK_BY_VALUE = new ConcurrentHashMap<>();
    private static volatile String[] valuesLongestFirst = new String[0];

    private Redactor() {
    }

    public static void register(String value) {
        if (value == null || value.length() < MIN_SCRUBBED_LENGTH || MASK_BY_VALUE.containsKey(value)) {
            return;
        }
        synchronized (Redactor.class) {
            MASK_BY_VALUE.put(value, SecretMasking.mask(value));
            // longest first, so a secret that contains another is replaced whole
            valuesLongestFirst = MASK_BY_VALUE.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toArray(String[]::new);
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String value : valuesLongestFirst) {
            if (result.contains(value)) {
                result = result.replace(value, MASK_BY_VALUE.get(value));
            }
        }
        return result;
    }

    /** For tests that plant and forget canaries. */
    static void clearForTests() {
        synchronized (Redactor.class) {
            MASK_BY_VALUE.clear();
            valuesLongestFirst = new String[0];
        }
    }
}
