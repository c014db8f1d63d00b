package io.openclaw.hq.platform.sms;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one reading of the secret {@code sms_allowlist}, for every service that uses it: the numbers
 * alerts go to (notify-service) are exactly the numbers allowed to command HQ by SMS (hq-gateway).
 * Rules, documented once in docs/PLATFORM.md "SMS allowlist":
 * <ul>
 * <li>entries are separated by commas, semicolons or any whitespace (spaces, tabs, new lines);</li>
 * <li>inside an entry, {@code - . ( )} are formatting and dropped: {@code +1-555-010-0001} is
 * {@code +15550100001};</li>
 * <li>each entry must then be E.164: {@code +}, a first digit 1-9, 7 to 15 digits in all;</li>
 * <li>one entry that is not is a refusal of the whole list (fail closed: nobody, visibly), and an
 * empty list allows nobody; the same number twice counts once.</li>
 * </ul>
 * A number asked about ({@link #allows}) is normalised the same way, so a sender written with
 * formatting matches its entry.
 */
public final class SmsAllowlist {

    public static final String SECRET_NAME = "sms_allowlist";
    public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
    private static final Pattern FORMATTING = Pattern.compile("[-.()]");

    private final List<String> numbers;

    private SmsAllowlist(List<String> numbers) {
        this.numbers = List.copyOf(numbers);
    }

    /**
     * The list, or an {@link IllegalArgumentException} that says which entry (by position, never
     * the text: it is personal data) is not a number.
     */
    public static SmsAllowlist parse(String raw) {
        Set<String> numbers = new LinkedHashSet<>();
        int position = 0;
        for (String entry : SEPARATORS.split(raw == null ? "" : raw.strip())) {
            if (entry.isEmpty()) {
                continue;
            }
            position++;
            int at = position;
            numbers.add(normalize(entry).orElseThrow(() -> new IllegalArgumentException(
                    "sms_allowlist entry " + at + " is not an E.164 number (a plus sign, then 7 to 15 digits)")));
        }
        return new SmsAllowlist(List.copyOf(numbers));
    }

    /** The number in E.164 once formatting is dropped, or empty when it is not one. */
    public static Optional<String> normalize(String number) {
        if (number == null) {
            return Optional.empty();
        }
        String bare = FORMATTING.matcher(number.strip()).replaceAll("");
        return E164.matcher(bare).matches() ? Optional.of(bare) : Optional.empty();
    }

    public List<String> numbers() {
        return numbers;
    }

    public boolean isEmpty() {
        return numbers.isEmpty();
    }

    public boolean allows(String number) {
        return normalize(number).map(numbers::contains).orElse(false);
    }

    /** A phone number as logs, runs and answers show it: the last 4 digits only. */
    public static String mask(String number) {
        if (number == null || number.length() < 8) {
            return "…";
        }
        return "+…" + number.substring(number.length() - 4);
    }
}
