package io.openclaw.hq.doctor.service;

import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import io.openclaw.hq.doctor.model.DoctorReport;
import io.openclaw.hq.platform.notify.AlertRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The guard's decisions as pure functions of what the doctor saw. The rule that matters most:
 * sshd is touched only when the host answered, Tailscale is up with a tailnet IPv4, and sshd is
 * public; a Tailscale that is down or unknown means never.
 */
public final class GuardPlan {

    public static final String REMEDIATION_CHECK_ID = "guard.remediation";
    static final String CHECK_PREFIX = "doctor.";

    // notify-service refuses longer fields with a 400; cut here, visibly, rather than lose the alert
    static final int MAX_TITLE = 200;
    static final int MAX_MESSAGE = 8000;

    private GuardPlan() {
    }

    static AlertRequest alert(String checkId, String status, String severity, String title, String message, String source) {
        return new AlertRequest(checkId, status, severity, cut(title, MAX_TITLE), cut(message, MAX_MESSAGE), source);
    }

    static String cut(String text, int max) {
        String marker = " …[cut]";
        return text.length() <= max ? text : text.substring(0, max - marker.length()) + marker;
    }

    /** {@link GuardDecision#remediateSshd}, the shared table's rule, on what the doctor saw. */
    public static boolean shouldRemediate(DoctorReport report) {
        return report.status() == CheckStatus.FAIL && GuardDecision.remediateSshd(GuardDecision.of(report, true));
    }

    /** Why the guard did not remediate a public sshd, or null when it did not need to. */
    public static String whyNotRemediated(DoctorReport report) {
        if (!report.posture().sshdPublic() || shouldRemediate(report)) {
            return null;
        }
        return report.posture().hostReachable()
                ? "sshd is public but Tailscale is down: sshd left untouched (lockout prevention)"
                : "host unreachable: nothing touched";
    }

    /** One FAIL alert per failing check. */
    public static List<AlertRequest> failureAlerts(DoctorReport report, String source) {
        List<AlertRequest> alerts = new ArrayList<>();
        for (CheckResult check : report.failing()) {
            String message = check.summary() + (check.details().isEmpty() ? ""
                    : "\n" + check.details().stream().limit(5).collect(Collectors.joining("\n")));
            alerts.add(alert(CHECK_PREFIX + check.id(), "FAIL", "critical",
                    report.target() + ": " + check.name() + " FAIL", message, source));
        }
        return alerts;
    }

    /** An OK alert for each check that was failing before and is not failing now. */
    public static List<AlertRequest> resolvedAlerts(Collection<String> failingBefore, DoctorReport now, String source) {
        List<String> stillFailing = now.failing().stream().map(CheckResult::id).toList();
        List<AlertRequest> alerts = new ArrayList<>();
        for (CheckResult check : now.checks()) {
            if (failingBefore.contains(check.id()) && !stillFailing.contains(check.id())) {
                alerts.add(alert(CHECK_PREFIX + check.id(), "OK", "info",
                        now.target() + ": " + check.name() + " resolved", check.summary(), source));
            }
        }
        return alerts;
    }

    public static AlertRequest remediationFailed(String target, String why, String source) {
        return alert(REMEDIATION_CHECK_ID, "FAIL", "emergency",
                target + ": sshd remediation FAILED", why + "\nsshd may still be public. Read GET /guard/log and run "
                        + "POST /heal {\"mode\":\"check-only\"}.", source);
    }
}
