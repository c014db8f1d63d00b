package io.openclaw.hq.notify.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.notify.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageTextTest {

    @ParameterizedTest(name = "{0} length {1} cut to {2}")
    @CsvSource({"x, 10, 10, false", "x, 1024, 1024, false", "x, 1025, 1024, true", "x, 5000, 1600, true"})
    void cutKeepsTheLimitAndMarksTheCut(String ch, int length, int limit, boolean cut) {
        String result = MessageText.cut(ch.repeat(length), limit);
        assertThat(result).hasSize(Math.min(length, limit));
        assertThat(result.endsWith(MessageText.CUT_MARKER)).isEqualTo(cut);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "\uD83D\uDD25";
        String text = "a".repeat(1024 - MessageText.CUT_MARKER.length() - 1) + emoji + "tail".repeat(10);
        String result = MessageText.cut(text, 1024);
        assertThat(result).endsWith("a" + MessageText.CUT_MARKER);
        assertThat(result.length()).isLessThanOrEqualTo(1024);
    }

    @ParameterizedTest(name = "{0} {1} → priority {2}")
    @CsvSource({
            "ALERT, INFO, -1", "ALERT, WARNING, 0", "ALERT, CRITICAL, 1", "ALERT, EMERGENCY, 2",
            "FLAPPING, EMERGENCY, 2", "REMINDER, EMERGENCY, 1", "RESOLVED, EMERGENCY, 0", "RESOLVED, INFO, -1"
    })
    void pushoverPriority(NotificationKind kind, Severity severity, int expected) {
        assertThat(MessageText.pushoverPriority(kind, severity)).isEqualTo(expected);
    }

    @Test
    void titlesSayWhatKindOfMessageItIs() {
        Notification n = new Notification(NotificationKind.REMINDER, "disk.root", Severity.WARNING, "disk full",
                "93%", "doctor");
        assertThat(MessageText.title(n)).isEqualTo("[still failing] disk full");
        assertThat(MessageText.body(n)).isEqualTo("93%\ncheck disk.root · warning · from doctor");
        assertThat(MessageText.sms(n)).startsWith("OpenClaw [still failing] disk full\n93%");
    }
}
