package io.openclaw.hq.doctor.service;

import io.openclaw.hq.doctor.client.PushoverFallback;
import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.HostSession;
import io.openclaw.hq.doctor.host.HostShell;
import io.openclaw.hq.doctor.host.HostShells;
import io.openclaw.hq.doctor.host.HostUnreachableException;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import io.openclaw.hq.doctor.model.DoctorReport;
import io.openclaw.hq.doctor.model.GuardEntry;
import io.openclaw.hq.doctor.model.GuardOutcome;
import io.openclaw.hq.platform.locks.LockAttempt;
import io.openclaw.hq.platform.locks.LockHandle;
import io.openclaw.hq.platform.locks.ResourceLocks;
import io.openclaw.hq.platform.notify.AlertRequest;
import io.openclaw.hq.platform.notify.NotifyClient;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunLauncher;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The guard: doctor; PASS → log and done; FAIL → an alert per failing check; sshd public with
 * Tailscale up → the remediation script, then the doctor again; remediation failure → emergency.
 * Holds {@code host:<target>} for the whole run, the same lock heal takes.
 */
@ApplicationScoped
public class GuardService {

    static final String AREA = "guard";
    static final String NOT_DELIVERED = NotifyClient.Delivery.NOT_DELIVERED;

    private final HostShells shells;
    private final DoctorRunner doctor;
    private final NotifyClient notify;
    private final GuardLogStore log;
    private final ResourceLocks locks;
    private final RunRecorder recorder;
    private final DoctorConfig config;
    private final RunLauncher launcher;
    private final PushoverFallback pushover;

    public GuardService(HostShells shells, DoctorRunner doctor, NotifyClient notify, GuardLogStore log, ResourceLocks locks,
            RunRecorder recorder, DoctorConfig config, RunLauncher launcher, PushoverFallback pushover) {
        this.launcher = launcher;
        this.pushover = pushover;
        this.shells = shells;
        this.doctor = doctor;
        this.notify = notify;
        this.log = log;
        this.locks = locks;
        this.recorder = recorder;
        this.config = config;
    }

    public static String lockName(HostShell shell) {
        return "host:" + shell.target();
    }

    /**
     * POST /guard/run: recorded, the host lock taken (a held lock is a 409 naming its run), answered
     * at once; the guard goes on in a worker thread and logs each step as it takes it.
     */
    public RunAccepted start(Caller caller) {
        HostShell shell = shells.current();
        return launcher.launch(RunRequest.of(AREA, "guard", caller.trigger(), caller.actor()), lockName(shell),
                run -> underLock(shell, run, caller.trigger()));
    }

    /** The timer's guard run, on the caller's thread; a held lock skips it with a LOCKED line in the guard log. */
    public GuardEntry run(RunTrigger trigger, String actor) {
        HostShell shell = shells.current();
        try (RunHandle run = recorder.start(RunRequest.of(AREA, "guard", trigger, actor))) {
            LockAttempt attempt = locks.tryAcquire(lockName(shell), run.id());
            if (attempt instanceof LockAttempt.Locked locked) {
                GuardEntry entry = entry(run, shell, GuardOutcome.LOCKED, null, List.of(), List.of(), List.of(),
                        lockName(shell) + " is held by run " + locked.holderRunId() + "; this guard run skipped");
                log.append(entry);
                run.refuse(entry.message());
                return entry;
            }
            try (LockHandle lock = ((LockAttempt.Acquired) attempt).handle()) {
                return underLock(shell, run, trigger);
            }
        }
    }

    private GuardEntry underLock(HostShell shell, RunHandle run, RunTrigger trigger) {
        HostSession session = null;
        String unreachable = null;
        run.log("connecting to " + shell.target() + " (" + shell.mode() + ")");
        try {
            session = shell.open();
        } catch (HostUnreachableException e) {
            unreachable = e.getMessage();
        }
        GuardEntry entry;
        try {
            entry = guard(shell, session, unreachable, run, trigger);
            if (session != null) {
                appendToHostLog(session, entry, run);
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
        log.append(entry);
        List<String> undelivered = entry.alerts().stream()
                .filter(a -> a.contains(NOT_DELIVERED) && !a.contains(PushoverFallback.SENT)).toList();
        String outcome = entry.outcome() + ": " + entry.message()
                + (undelivered.isEmpty() ? "" : "; " + undelivered.size() + " alert(s) not delivered");
        if (entry.outcome() == GuardOutcome.PASS || entry.outcome() == GuardOutcome.REMEDIATED) {
            run.succeed(outcome);
        } else {
            run.fail(outcome, entry.message());
        }
        return entry;
    }

    /** Each step is logged to the run as it is taken and kept for the guard log line. */
    private static final class Steps {
        private final RunHandle run;
        private final List<String> taken = new ArrayList<>();

        Steps(RunHandle run) {
            this.run = run;
        }

        void add(String step) {
            taken.add(step);
            run.log(step);
        }

        List<String> list() {
            return taken;
        }
    }

    private GuardEntry guard(HostShell shell, HostSession session, String unreachable, RunHandle run, RunTrigger trigger) {
        Steps actions = new Steps(run);
        List<String> alerts = new ArrayList<>();
        List<String> failingBefore = log.latest(1).stream().findFirst().map(GuardEntry::failing).orElse(List.of());
        if (unreachable != null) {
            actions.add("host unreachable: " + unreachable);
        }
        run.log("running the doctor (its own run, this run as parent)");
        DoctorReport first = doctor.run(shell, session, unreachable, trigger, "guard", run.id());
        actions.add("doctor " + first.status() + " (" + first.summary() + ") run " + first.runId());
        send(run, GuardPlan.failureAlerts(first, source()), alerts);
        send(run, GuardPlan.resolvedAlerts(failingBefore, first, source()), alerts);
        if (first.status() != CheckStatus.FAIL) {
            return entry(run, shell, GuardOutcome.PASS, first, failing(first), actions, alerts,
                    "doctor " + first.status() + ": " + first.summary());
        }
        if (!GuardPlan.shouldRemediate(first)) {
            String why = GuardPlan.whyNotRemediated(first);
            if (why != null) {
                actions.add(why);
            }
            return entry(run, shell, GuardOutcome.FAIL, first, failing(first), actions, alerts,
                    "doctor FAIL: " + String.join(", ", failing(first)) + (why == null ? "" : "; " + why));
        }
        return remediate(shell, session, run, trigger, first, actions, alerts);
    }

    /** The reference's host-side log, where it exists on the host; PostgreSQL stays the log of record. */
    private static void appendToHostLog(HostSession session, GuardEntry entry, RunHandle run) {
        ProbeOutput out = session.run(Probe.GUARD_LOG_APPEND, entry.line().replace('\n', ' ') + "\n");
        run.log("host guard log: " + (out.succeeded() ? out.stdout().strip().isEmpty() ? "appended" : out.stdout().strip()
                : "not written (" + out.problem() + ")"));
    }

    private GuardEntry remediate(HostShell shell, HostSession session, RunHandle run, RunTrigger trigger, DoctorReport first,
            Steps actions, List<String> alerts) {
        actions.add("sshd public with Tailscale up on " + first.posture().tailscaleIpv4() + ": running remediation");
        ProbeOutput fix = session.run(Probe.REMEDIATE_SSHD);
        actions.add("remediation " + (fix.succeeded() ? "exit 0" : fix.problem()));
        tail(fix).forEach(line -> run.log("remediation: " + line));
        DoctorReport after = doctor.run(shell, session, null, trigger, "guard", run.id());
        actions.add("doctor after remediation " + after.status() + " (" + after.summary() + ") run " + after.runId());
        send(run, GuardPlan.resolvedAlerts(failing(first), after, source()), alerts);
        if (!fix.succeeded() || after.posture().sshdPublic()) {
            String why = !fix.succeeded() ? "the remediation script failed (" + fix.problem() + ")"
                    : "sshd is still public after the remediation";
            send(run, List.of(GuardPlan.remediationFailed(shell.target(), why, source())), alerts);
            return entry(run, shell, GuardOutcome.REMEDIATION_FAILED, after, failing(after), actions, alerts, why);
        }
        return entry(run, shell, GuardOutcome.REMEDIATED, after, failing(after), actions, alerts,
                "sshd bound to the tailnet only; doctor " + after.status() + ": " + after.summary());
    }

    private static List<String> tail(ProbeOutput out) {
        List<String> lines = new ArrayList<>();
        (out.stdout() + "\n" + out.stderr()).lines().filter(l -> !l.isBlank()).forEach(lines::add);
        return lines.subList(Math.max(0, lines.size() - 40), lines.size());
    }

    /**
     * Each alert to notify-service; one notify-service cannot take (no answer, 5xx) goes straight to
     * Pushover, as the shared decision table says (FAIL alerts only: an "OK" is not worth a page).
     */
    private void send(RunHandle run, List<AlertRequest> toSend, List<String> sent) {
        for (AlertRequest alert : toSend) {
            NotifyClient.Delivery delivery = notify.send(alert);
            String suffix = delivery.suffix();
            if (GuardDecision.channelFor(delivery.notifyReachable()) == GuardDecision.AlertChannel.PUSHOVER
                    && "FAIL".equals(alert.status())) {
                suffix = suffix.substring(0, suffix.length() - 1) + "; " + pushover.send(alert) + ")";
            }
            String line = alert.checkId() + " " + alert.status() + "/" + alert.severity() + suffix;
            sent.add(line);
            run.log("alert " + line);
        }
    }

    private String source() {
        return config.alerts().source();
    }

    private static List<String> failing(DoctorReport report) {
        return report.failing().stream().map(CheckResult::id).toList();
    }

    private static GuardEntry entry(RunHandle run, HostShell shell, GuardOutcome outcome, DoctorReport report,
            List<String> failing, Steps actions, List<String> alerts, String message) {
        return entry(run, shell, outcome, report, failing, actions.list(), alerts, message);
    }

    private static GuardEntry entry(RunHandle run, HostShell shell, GuardOutcome outcome, DoctorReport report,
            List<String> failing, List<String> actions, List<String> alerts, String message) {
        return new GuardEntry(0, Instant.now(), run.id(), shell.target(), outcome, report == null ? null : report.status(),
                failing, actions.stream().map(Redactor::redact).toList(), alerts, Redactor.redact(message));
    }
}
