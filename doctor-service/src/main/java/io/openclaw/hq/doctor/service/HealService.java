package io.openclaw.hq.doctor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openclaw.hq.doctor.host.HostSession;
import io.openclaw.hq.doctor.host.HostShell;
import io.openclaw.hq.doctor.host.HostShells;
import io.openclaw.hq.doctor.host.HostUnreachableException;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import io.openclaw.hq.doctor.model.DoctorReport;
import io.openclaw.hq.doctor.model.HealMode;
import io.openclaw.hq.doctor.model.HealResult;
import io.openclaw.hq.doctor.model.Posture;
import io.openclaw.hq.platform.locks.LockAttempt;
import io.openclaw.hq.platform.locks.LockHandle;
import io.openclaw.hq.platform.locks.ResourceLockedException;
import io.openclaw.hq.platform.locks.ResourceLocks;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Heal: the private-posture pre-check, the sshd fix only when it is safe (apply mode, sshd public,
 * Tailscale up), doctor verification, and an evidence bundle whatever happened. Holds the same
 * {@code host:<target>} lock as the guard.
 */
@ApplicationScoped
public class HealService {

    static final String AREA = "heal";
    private static final EnumSet<Probe> EVIDENCE = EnumSet.of(Probe.LISTENERS, Probe.TAILSCALE_STATUS,
            Probe.SSHD_EFFECTIVE, Probe.DOCKER_PS, Probe.GUARD_LOG_TAIL);

    private final HostShells shells;
    private final DoctorRunner doctor;
    private final ResourceLocks locks;
    private final RunRecorder recorder;
    private final EvidenceBundler bundler;
    private final GuardStatusService guardStatus;
    private final ArtifactRoot root;
    private final ObjectMapper json;

    public HealService(HostShells shells, DoctorRunner doctor, ResourceLocks locks, RunRecorder recorder,
            EvidenceBundler bundler, GuardStatusService guardStatus, ArtifactRoot root, ObjectMapper json) {
        this.shells = shells;
        this.doctor = doctor;
        this.locks = locks;
        this.recorder = recorder;
        this.bundler = bundler;
        this.guardStatus = guardStatus;
        this.root = root;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public HealResult heal(HealMode mode, RunTrigger trigger, String actor) {
        HostShell shell = shells.current();
        try (RunHandle run = recorder.start(RunRequest.of(AREA, "heal " + mode.wire(), trigger, actor))) {
            LockAttempt attempt = locks.tryAcquire(GuardService.lockName(shell), run.id());
            if (attempt instanceof LockAttempt.Locked locked) {
                run.refuse(locked.resource() + " is held by run " + locked.holderRunId());
                throw new ResourceLockedException(locked.resource(), locked.holderRunId());
            }
            try (LockHandle lock = ((LockAttempt.Acquired) attempt).handle()) {
                HealResult result = healUnderLock(shell, mode, run, trigger, actor);
                run.addArtifact(root.resolve(result.evidence().bundle()));
                String summary = "heal " + mode.wire() + " " + result.status()
                        + (result.fix() == null ? "" : "; fix: " + result.fix().detail());
                if (result.status() == CheckStatus.FAIL) {
                    run.fail(summary, summary);
                } else {
                    run.succeed(summary);
                }
                return result;
            }
        }
    }

    private HealResult healUnderLock(HostShell shell, HealMode mode, RunHandle run, RunTrigger trigger, String actor) {
        HostSession session = null;
        String unreachable = null;
        try {
            session = shell.open();
        } catch (HostUnreachableException e) {
            unreachable = e.getMessage();
            run.log("host unreachable: " + unreachable);
        }
        try {
            Map<Probe, ProbeOutput> evidence = new EnumMap<>(Probe.class);
            if (session != null) {
                evidence.putAll(session.runAll(EVIDENCE));
            }
            Posture pre = session == null ? new Posture(false, false, null, false) : DoctorEngine.posture(evidence);
            run.log("pre-check: reachable=" + pre.hostReachable() + " tailscaleUp=" + pre.tailscaleUp()
                    + " sshdPublic=" + pre.sshdPublic());
            HealResult.Fix fix = null;
            if (mode == HealMode.APPLY) {
                fix = fix(session, pre, unreachable, evidence);
                run.log("fix: " + fix.detail());
            }
            HealResult.Verification verification = null;
            if (mode != HealMode.CHECK_ONLY) {
                DoctorReport report = doctor.run(shell, session, unreachable, trigger, actor, run.id());
                verification = new HealResult.Verification(report.runId(), report.status(), report.summary(),
                        report.failing().stream().map(CheckResult::id).toList());
            }
            CheckStatus status = status(pre, fix, verification);
            HealResult partial = new HealResult(run.id(), mode.wire(), shell.target(), status, pre, fix, verification, null);
            HealResult.Evidence bundle = bundler.write(shell.target(), Instant.now(), evidenceFiles(partial, evidence, unreachable));
            return new HealResult(run.id(), mode.wire(), shell.target(), status, pre, fix, verification, bundle);
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private static HealResult.Fix fix(HostSession session, Posture pre, String unreachable, Map<Probe, ProbeOutput> evidence) {
        if (!pre.hostReachable()) {
            return new HealResult.Fix(false, null, "host unreachable: " + unreachable);
        }
        if (!pre.sshdPublic()) {
            return new HealResult.Fix(false, null, "sshd is not public: nothing to fix");
        }
        if (!pre.tailscaleUp()) {
            return new HealResult.Fix(false, null, "Tailscale is down: sshd left untouched (lockout prevention)");
        }
        ProbeOutput out = session.run(Probe.REMEDIATE_SSHD);
        // the evidence shows the host as the fix left it
        evidence.putAll(session.runAll(EnumSet.of(Probe.LISTENERS, Probe.SSHD_EFFECTIVE)));
        return new HealResult.Fix(true, out.succeeded(), out.succeeded() ? "remediation exit 0" : "remediation failed: " + out.problem());
    }

    /** The private posture (check-only), or the verification, and never PASS after a failed fix. */
    static CheckStatus status(Posture pre, HealResult.Fix fix, HealResult.Verification verification) {
        if (fix != null && fix.attempted() && !Boolean.TRUE.equals(fix.succeeded())) {
            return CheckStatus.FAIL;
        }
        if (verification != null) {
            return verification.status();
        }
        return pre.hostReachable() && pre.tailscaleUp() && !pre.sshdPublic() ? CheckStatus.PASS : CheckStatus.FAIL;
    }

    private Map<String, String> evidenceFiles(HealResult result, Map<Probe, ProbeOutput> evidence, String unreachable) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("listeners.txt", text(evidence, Probe.LISTENERS, unreachable));
        files.put("sshd_effective.txt", text(evidence, Probe.SSHD_EFFECTIVE, unreachable));
        files.put("docker_ports.txt", text(evidence, Probe.DOCKER_PS, unreachable));
        files.put("tailscale_status.json", text(evidence, Probe.TAILSCALE_STATUS, unreachable));
        Map<String, Object> guard = new LinkedHashMap<>();
        guard.put("status", guardStatus.status());
        guard.put("hostLogTail", text(evidence, Probe.GUARD_LOG_TAIL, unreachable));
        files.put("guard_status.json", Json.write(json, guard));
        files.put("summary.json", Json.write(json, result));
        return files;
    }

    private static String text(Map<Probe, ProbeOutput> evidence, Probe probe, String unreachable) {
        ProbeOutput out = evidence.get(probe);
        if (out == null) {
            return "# " + probe.wire() + ": not collected" + (unreachable == null ? "" : " (host unreachable: " + unreachable + ")") + "\n";
        }
        if (!out.succeeded()) {
            return "# " + out.problem() + "\n" + out.stdout() + out.stderr();
        }
        return out.stdout();
    }
}
