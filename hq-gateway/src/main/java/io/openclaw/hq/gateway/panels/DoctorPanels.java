package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.DoctorContract;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** doctor-service's answers as panels: the latest report, the guard, its log, the 7-day history. */
final class DoctorPanels {

    static final String SERVICE = "doctor-service";

    private DoctorPanels() {
    }

    /** The latest report: verdict, the posture the guard decides on, every check with its details and remediation. */
    static Panel report(BackendReply<List<DoctorContract.Report>> reply) {
        return PanelReader.panel("Doctor", reply, reports -> {
            if (reports.isEmpty()) {
                return Panel.ok("Doctor", SERVICE).note("No doctor report yet: run the doctor from Actions.").build();
            }
            return report("Doctor", reports.get(0));
        });
    }

    /** One run's report, for its run page. */
    static Panel runReport(BackendReply<DoctorContract.Report> reply) {
        return PanelReader.panel("Checks of this run", reply, report -> report("Checks of this run", report));
    }

    private static Panel report(String title, DoctorContract.Report report) {
        Panel.Builder panel = Panel.ok(title, SERVICE);
        panel.row("verdict", report.status(), PanelReader.tone(report.status()))
                .row("summary", report.summary())
                .row("checked at", Words.time(report.startedAt()) + " (" + report.durationMs() + " ms)")
                .row("target", report.target());
        DoctorContract.Posture posture = report.posture();
        if (posture != null) {
            panel.row("host reachable", Words.yesNo(posture.hostReachable()), posture.hostReachable() ? "ok" : "bad")
                    .row("Tailscale up", posture.tailscaleUp()
                            ? "yes" + (posture.tailscaleIpv4() == null ? "" : " (" + posture.tailscaleIpv4() + ")")
                            : "no", posture.tailscaleUp() ? "ok" : "bad")
                    .row("sshd public", Words.yesNo(posture.sshdPublic()), posture.sshdPublic() ? "bad" : "ok");
        }
        for (DoctorContract.Check check : report.checks()) {
            panel.item(new Item(check.number() + ". " + check.name(), check.status(), PanelReader.tone(check.status()),
                    check.summary(), check.details(), check.remediation()));
        }
        return panel.build();
    }

    /** What a heal did: the pre-check it decided on, the fix (tried only when safe), the verification, the evidence. */
    static Panel heal(BackendReply<DoctorContract.HealResult> reply) {
        return PanelReader.panel("What the heal did", reply, heal -> {
            Panel.Builder panel = Panel.ok("What the heal did", SERVICE)
                    .row("verdict", heal.status(), PanelReader.tone(heal.status()))
                    .row("mode", heal.mode());
            DoctorContract.Posture pre = heal.precheck();
            if (pre != null) {
                panel.row("before: host reachable", Words.yesNo(pre.hostReachable()), pre.hostReachable() ? "ok" : "bad")
                        .row("before: Tailscale up", Words.yesNo(pre.tailscaleUp()), pre.tailscaleUp() ? "ok" : "bad")
                        .row("before: sshd public", Words.yesNo(pre.sshdPublic()), pre.sshdPublic() ? "bad" : "ok");
            }
            DoctorContract.Fix fix = heal.fix();
            if (fix != null) {
                String outcome = !fix.attempted() ? "not tried" : Boolean.TRUE.equals(fix.succeeded()) ? "applied"
                        : Boolean.FALSE.equals(fix.succeeded()) ? "failed" : "tried";
                panel.row("fix", outcome + (fix.detail() == null ? "" : ": " + fix.detail()),
                        "failed".equals(outcome) ? "bad" : "applied".equals(outcome) ? "ok" : "");
            }
            DoctorContract.Verification verification = heal.verification();
            if (verification != null) {
                panel.row("verified by the doctor", verification.status() + (verification.summary() == null ? ""
                        : ": " + verification.summary()), PanelReader.tone(verification.status()));
                if (!verification.failing().isEmpty()) {
                    panel.row("still failing", String.join(", ", verification.failing()), "bad");
                }
            }
            DoctorContract.Evidence evidence = heal.evidence();
            if (evidence != null) {
                panel.row("evidence", evidence.bundle() + " (" + evidence.files().size() + " files)");
            }
            return panel.build();
        });
    }

    /** The guard's schedule and health, and its last runs with what was failing and which alerts went out. */
    static Panel guard(BackendReply<DoctorContract.GuardStatus> reply) {
        return PanelReader.panel("Guard", reply, status -> {
            Panel.Builder panel = Panel.ok("Guard", SERVICE)
                    .row("schedule", (status.scheduled() ? "" : "not scheduled; ")
                            + Words.every(Duration.ofMinutes(status.intervalMinutes())) + " (" + status.cron() + ")",
                            status.scheduled() ? "" : "warn")
                    .row("timer healthy", Words.yesNo(status.timerHealthy()), status.timerHealthy() ? "ok" : "bad")
                    .row("last run", status.lastRunAt() == null ? "never" : Words.time(status.lastRunAt()))
                    .row("last outcome", Words.verdict(status.lastOutcome()), PanelReader.tone(status.lastOutcome()))
                    .row("next run", Words.time(status.nextRun()));
            for (DoctorContract.GuardEntry run : status.lastRuns()) {
                List<String> details = new ArrayList<>();
                if (!run.failing().isEmpty()) {
                    details.add("failing: " + String.join(", ", run.failing()));
                }
                if (!run.actions().isEmpty()) {
                    details.add("did: " + String.join("; ", run.actions()));
                }
                details.add(run.alerts().isEmpty() ? "no alerts" : "alerts: " + String.join("; ", run.alerts()));
                panel.item(new Item(Words.time(run.at()), Words.verdict(run.outcome()), PanelReader.tone(run.outcome()),
                        run.message(), details, null));
            }
            return panel.build();
        });
    }

    /** One guard run, when it is still among the guard's last runs: what failed, what it did, each alert. */
    static java.util.Optional<Panel> guardRun(BackendReply<DoctorContract.GuardStatus> reply, String runId) {
        if (!reply.isOk()) {
            return java.util.Optional.of(PanelReader.panel("What the guard did", reply, s -> null));
        }
        return reply.value().lastRuns().stream().filter(run -> runId.equals(run.runId())).findFirst().map(run -> {
            Panel.Builder panel = Panel.ok("What the guard did", SERVICE)
                    .row("outcome", Words.verdict(run.outcome()), PanelReader.tone(run.outcome()))
                    .row("doctor said", run.doctorStatus(), PanelReader.tone(run.doctorStatus()))
                    .row("failing", run.failing().isEmpty() ? "nothing" : String.join(", ", run.failing()),
                            run.failing().isEmpty() ? "ok" : "bad")
                    .row("did", run.actions().isEmpty() ? "nothing" : String.join("; ", run.actions()));
            if (run.alerts().isEmpty()) {
                panel.row("alerts", "none");
            }
            run.alerts().forEach(alert -> panel.row("alert", alert, alert.contains("not delivered") ? "bad" : ""));
            return panel.build();
        });
    }

    static Panel guardLog(BackendReply<DoctorContract.GuardLog> reply) {
        return PanelReader.panel("Guard log", reply, log -> {
            // from the entries, so times read to the second like everywhere else on HQ
            List<String> lines = log.entries().isEmpty() ? log.lines() : log.entries().stream()
                    .map(e -> Words.time(e.at()) + "  " + e.outcome() + "  " + e.message()).toList();
            Panel.Builder panel = Panel.ok("Guard log", SERVICE).lines(lines);
            if (lines.isEmpty()) {
                panel.note("The guard has not logged anything yet.");
            }
            return panel.build();
        });
    }

    /** Pass, warn and fail per day over every check, one bar per day from {@code since} to today. */
    static Panel history(BackendReply<DoctorContract.History> reply) {
        String title = "Doctor checks, 7 days";
        return PanelReader.panel(title, reply, history -> {
            Map<String, int[]> perDay = new LinkedHashMap<>();
            LocalDate first = history.since() == null ? LocalDate.now(ZoneOffset.UTC).minusDays(history.days() - 1L)
                    : LocalDate.ofInstant(history.since(), ZoneOffset.UTC);
            for (int d = 0; d < history.days(); d++) {
                perDay.put(first.plusDays(d).toString(), new int[3]);
            }
            for (DoctorContract.HistoryPoint point : history.points()) {
                int[] counts = perDay.computeIfAbsent(point.date(), k -> new int[3]);
                counts[0] += point.pass();
                counts[1] += point.warn();
                counts[2] += point.fail();
            }
            List<SvgCharts.Bar> bars = new ArrayList<>();
            int pass = 0;
            int warn = 0;
            int fail = 0;
            for (Map.Entry<String, int[]> day : perDay.entrySet()) {
                int[] c = day.getValue();
                pass += c[0];
                warn += c[1];
                fail += c[2];
                bars.add(new SvgCharts.Bar(day.getKey(), List.of(new SvgCharts.Part("pass", c[0]),
                        new SvgCharts.Part("warn", c[1]), new SvgCharts.Part("fail", c[2]))));
            }
            return Panel.ok(title, SERVICE)
                    .row("checks passed", Integer.toString(pass), pass > 0 ? "ok" : "")
                    .row("warnings", Integer.toString(warn), warn > 0 ? "warn" : "")
                    .row("failures", Integer.toString(fail), fail > 0 ? "bad" : "")
                    .svg(SvgCharts.stacked("doctor check results per day", bars, List.of(
                            new SvgCharts.Series("pass", "bar-ok"), new SvgCharts.Series("warn", "bar-warn"),
                            new SvgCharts.Series("fail", "bar-bad")), ""))
                    .build();
        });
    }
}
