package io.openclaw.hq.notify.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The numbers SMS may go to (secret {@code sms_allowlist}): E.164 numbers separated by commas,
 * spaces or new lines. Alerts go to every number on it; a direct message only to one of them. An
 * entry that is not a valid E.164 number makes the whole list invalid: fail closed.
 */
public record SmsAllowlist(List<String> numbers) {

    public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public SmsAllowlist {
        numbers = List.copyOf(numbers);
    }

    public static SmsAllowlist parse(String raw) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String entry : raw.split("[,;\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            if (!E164.matcher(entry).matches()) {
                throw new IllegalArgumentException("SMS_ALLOWLIST holds an entry that is not an E.164 number");
            }
            numbers.add(entry);
        }
        return new SmsAllowlist(List.copyOf(numbers));
    }

    public boolean allows(String number) {
        return numbers.contains(number);
    }

    /** A phone number as the delivery log and responses show it: country code hidden, last 4 digits kept. */
    public static String mask(String number) {
        if (number == null || number.length() < 8) {
            return "…";
        }
        return "+…" + number.substring(number.length() - 4);
    }
}
