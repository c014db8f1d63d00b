package io.openclaw.hq.gateway.panels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages say things to a person: times to the second in UTC (never nanoseconds), durations and
 * ages in words, identifiers such as {@code lastRunAt} or {@code key_masked} as "last run at".
 */
public final class Words {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Words() {
    }

    public static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** "12 s old", "3 min old", "2 h old". */
    public static String age(Duration age) {
        long s = Math.max(0, age.toSeconds());
        if (s < 120) {
            return s + " s old";
        }
        if (s < 7200) {
            return (s / 60) + " min old";
        }
        return (s / 3600) + " h old";
    }

    /** "every 10 min", "every 2 h", "every 45 s". */
    public static String every(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return "every " + d.toHours() + " h";
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
            return "every " + d.toMinutes() + " min";
        }
        return "every " + d.toSeconds() + " s";
    }

    /** camelCase, snake_case and kebab-case identifiers as lower-case words. */
    public static String label(String identifier) {
        if (identifier == null) {
            return "";
        }
        String spaced = identifier.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ');
        return spaced.toLowerCase(Locale.ROOT).strip();
    }

    /** An enum-like word (REMEDIATION_FAILED, missing_key) as words (remediation failed, missing key). */
    public static String verdict(String wire) {
        return wire == null ? "unknown" : label(wire.toLowerCase(Locale.ROOT));
    }

    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
