package io.openclaw.hq.notify.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openclaw.hq.notify.model.AlertState;
import io.openclaw.hq.notify.model.AlertStatus;
import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.notify.model.Severity;
import io.openclaw.hq.notify.model.SuppressionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the alert state machine as a table: a sequence of reports (minutes since the
 * start, status, in maintenance?) and what each one must become. Defaults: rate limit 30 min,
 * reminder 6 h, flapping at 4 changes within 60 min.
 */
class AlertPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private final AlertPolicy policy = new AlertPolicy(Duration.ofMinutes(30), Duration.ofHours(6), 4,
            Duration.ofMinutes(60));

    /** One report and the expected outcome: a notification kind, or a suppression reason. */
    record Step(long minute, AlertStatus status, boolean maintenance, Object expected) {
    }

    static Step at(long minute, AlertStatus status, Object expected) {
        return new Step(minute, status, false, expected);
    }

    static Step inWindow(long minute, AlertStatus status) {
        return new Step(minute, status, true, SuppressionReason.MAINTENANCE_WINDOW);
    }

    static final AlertStatus FAIL = AlertStatus.FAIL;
    static final AlertStatus WARN = AlertStatus.WARN;
    static final AlertStatus OK = AlertStatus.OK;

    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("first FAIL alerts, the same FAIL within 30 min is rate limited",
                        List.of(at(0, FAIL, NotificationKind.ALERT), at(10, FAIL, SuppressionReason.RATE_LIMIT),
                                at(29, FAIL, SuppressionReason.RATE_LIMIT))),
                Arguments.of("the same FAIL after the window but before the reminder is unchanged state",
                        List.of(at(0, FAIL, NotificationKind.ALERT), at(31, FAIL, SuppressionReason.UNCHANGED_STATE),
                                at(300, FAIL, SuppressionReason.UNCHANGED_STATE))),
                Arguments.of("still failing after 6 h: one reminder, then quiet for another 6 h",
                        List.of(at(0, FAIL, NotificationKind.ALERT), at(360, FAIL, NotificationKind.REMINDER),
                                at(370, FAIL, SuppressionReason.RATE_LIMIT), at(600, FAIL, SuppressionReason.UNCHANGED_STATE),
                                at(720, FAIL, NotificationKind.REMINDER))),
                Arguments.of("OK after FAIL resolves once",
                        List.of(at(0, FAIL, NotificationKind.ALERT), at(5, OK, NotificationKind.RESOLVED),
                                at(6, OK, SuppressionReason.UNCHANGED_STATE))),
                Arguments.of("OK for a check never seen failing says nothing",
                        List.of(at(0, OK, SuppressionReason.UNCHANGED_STATE), at(1, OK, SuppressionReason.UNCHANGED_STATE))),
                Arguments.of("FAIL again soon after resolving waits for the window, then alerts",
                        List.of(at(0, FAIL, NotificationKind.ALERT), at(5, OK, NotificationKind.RESOLVED),
                                at(10, FAIL, SuppressionReason.RATE_LIMIT), at(31, FAIL, NotificationKind.ALERT))),
                Arguments.of("WARN then FAIL: a different problem is news once the window has passed",
                        List.of(at(0, WARN, NotificationKind.ALERT), at(10, FAIL, SuppressionReason.RATE_LIMIT),
                                at(40, FAIL, NotificationKind.ALERT))),
                Arguments.of("4 changes within 60 min collapse into one flapping alert",
                        List.of(at(0, FAIL, NotificationKind.ALERT), at(1, OK, NotificationKind.RESOLVED),
                                at(2, FAIL, SuppressionReason.RATE_LIMIT), at(3, OK, SuppressionReason.UNCHANGED_STATE),
                                at(4, FAIL, NotificationKind.FLAPPING), at(5, OK, SuppressionReason.FLAPPING),
                                at(6, FAIL, SuppressionReason.FLAPPING), at(7, FAIL, SuppressionReason.FLAPPING))),
                Arguments.of("flapping ends after a stable window; the settled state is told once",
                        List.of(at(0, FAIL, NotificationKind.ALERT), at(1, OK, NotificationKind.RESOLVED),
                                at(2, FAIL, SuppressionReason.RATE_LIMIT), at(3, OK, SuppressionReason.UNCHANGED_STATE),
                                at(4, FAIL, NotificationKind.FLAPPING), at(5, OK, SuppressionReason.FLAPPING),
                                at(50, OK, SuppressionReason.FLAPPING), at(66, OK, NotificationKind.RESOLVED),
                                at(67, OK, SuppressionReason.UNCHANGED_STATE))),
                Arguments.of("maintenance suppresses; a failure that outlasts the window alerts once after it",
                        List.of(inWindow(0, FAIL), inWindow(10, FAIL), inWindow(20, OK), inWindow(30, FAIL),
                                at(90, FAIL, NotificationKind.ALERT), at(95, FAIL, SuppressionReason.RATE_LIMIT))),
                Arguments.of("a failure that recovers inside the window is never told",
                        List.of(inWindow(0, FAIL), inWindow(10, OK), at(90, OK, SuppressionReason.UNCHANGED_STATE))),
                Arguments.of("recovery during maintenance of a failure told before: resolved after the window",
                        List.of(at(0, FAIL, NotificationKind.ALERT), inWindow(10, OK), at(90, OK, NotificationKind.RESOLVED))),
                Arguments.of("changes inside a window do not count as flapping",
                        List.of(inWindow(0, FAIL), inWindow(1, OK), inWindow(2, FAIL), inWindow(3, OK), inWindow(4, FAIL),
                                at(5, FAIL, NotificationKind.ALERT))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transitions")
    void transition(String description, List<Step> steps) {
        AlertState state = null;
        for (Step step : steps) {
            AlertDecision d = policy.decide(state, "disk.root", step.status(), Severity.WARNING,
                    T0.plus(Duration.ofMinutes(step.minute())), step.maintenance());
            Object actual = d.notifies() ? d.notification() : d.suppressed();
            assertThat(actual).as("%s at minute %d (%s)", description, step.minute(), step.status())
                    .isEqualTo(step.expected());
            assertThat(d.next().status()).isEqualTo(step.status());
            state = d.next();
        }
    }

    @Test
    void resolvedIsRoutedAsLoudAsTheAlertItEnds() {
        AlertDecision alert = policy.decide(null, "x", FAIL, Severity.CRITICAL, T0, false);
        AlertDecision resolved = policy.decide(alert.next(), "x", OK, Severity.INFO, T0.plusSeconds(60), false);
        assertThat(resolved.notification()).isEqualTo(NotificationKind.RESOLVED);
        assertThat(resolved.routeSeverity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatThrownBy(() -> new AlertPolicy(Duration.ofMinutes(30), Duration.ofHours(6), 1, Duration.ofMinutes(60)))
                .hasMessageContaining("flapping.changes");
        assertThatThrownBy(() -> new AlertPolicy(Duration.ofHours(2), Duration.ofHours(1), 4, Duration.ofMinutes(60)))
                .hasMessageContaining("reminder-interval");
    }
}
