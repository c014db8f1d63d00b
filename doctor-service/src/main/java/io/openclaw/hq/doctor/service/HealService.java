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
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunLauncher;
import io.openclaw.hq.platform.secrets.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
    static final String RESULT_FILE = "heal.json";
    private static final EnumSet<Probe> EVIDENCE = EnumSet.of(Probe.LISTENERS, Probe.TAILSCALE_STATUS,
            Probe.SSHD_EFFECTIVE, Probe.DOCKER_PS, Probe.GUARD_LOG_TAIL);

    private final HostShells shells;
    private final DoctorRunner doctor;
    private final RunRecorder recorder;
    private final EvidenceBundler bundler;
    private final GuardStatusService guardStatus;
    private final ArtifactRoot root;
    private final ObjectMapper json;
    private final RunLauncher launcher;

    public HealService(HostShells shells, DoctorRunner doctor, RunRecorder recorder,
            EvidenceBundler bundler, GuardStatusService guardStatus, ArtifactRoot root, ObjectMapper json,
            RunLauncher launcher) {
        this.launcher = launcher;
        this.shells = shells;
        this.doctor = doctor;
        this.recorder = recorder;
        this.bundler = bundler;
        this.guardStatus = guardStatus;
        this.root = root;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * POST /heal: recorded, the host lock taken (a held lock is a 409 naming its run), answered at
     * once; the heal goes on in a worker thread, logs each step, writes {@code heal.json} into its
     * run folder and ends its run with why it failed when it did.
     */
    public RunAccepted start(HealMode mode, Caller caller) {
        HostShell shell = shells.current();
        return launcher.launch(RunRequest.of(AREA, "heal " + mode.wire(), caller.trigger(), caller.actor()),
                GuardService.lockName(shell), run -> heal(shell, mode, run, caller.trigger(), caller.actor()));
    }

    private void heal(HostShell shell, HealMode mode, RunHandle run, RunTrigger trigger, String actor) {
        HealResult result = healUnderLock(shell, mode, run, trigger, actor);
        run.addArtifact(root.resolve(result.evidence().bundle()));
        Path file = run.directory().resolve(RESULT_FILE);
        try {
            Files.writeString(file, Redactor.redact(json.writeValueAsString(result)));
        } catch (IOException e) {
            throw new UncheckedIOException("heal.json of run " + run.id(), e);
        }
        run.addArtifact(file);
        String summary = "heal " + mode.wire() + " " + result.status() + ": " + why(result);
        run.log(summary);
        if (result.status() == CheckStatus.FAIL) {
            run.fail(summary, why(result));
        } else {
            run.succeed(summary);
        }
    }

    /** The heal's result as its run wrote it, or empty when the run is not a finished heal. */
    public Optional<HealResult> result(String runId) {
        return recorder.directoryOf(runId).map(dir -> dir.resolve(RESULT_FILE)).filter(Files::isRegularFile).map(f -> {
            try {
                return json.readValue(Files.readString(f), HealResult.class);
            } catch (IOException e) {
                throw new UncheckedIOException("heal.json of run " + runId, e);
            }
        });
    }

    /** What an operator needs to read first: why it passed or, above all, why it failed. */
    static String why(HealResult result) {
        HealResult.Fix fix = result.fix();
        Posture pre = result.precheck();
        HealResult.Verification verification = result.verification();
        if (fix != null && fix.attempted() && !Boolean.TRUE.equals(fix.succeeded())) {
            return "the sshd fix did not work (" + fix.detail() + ")";
        }
        if (verification != null && verification.status() == CheckStatus.FAIL) {
            String prefix = fix != null && !fix.attempted() ? "no fix made (" + fix.detail() + "); " : "";
            return prefix + "doctor verification FAIL, failing: " + String.join(", ", verification.failing());
        }
        if (verification != null) {
            return (fix == null ? "" : fix.detail() + "; ") + "doctor verification " + verification.status()
                    + ": " + verification.summary();
        }
        if (!pre.hostReachable()) {
            return "host unreachable";
        }
        if (!pre.tailscaleUp()) {
            return "Tailscale is down";
        }
        if (pre.sshdPublic()) {
            return "sshd is listening publicly";
        }
        return "private posture holds: Tailscale up, sshd not public";
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
                run.log("fix: deciding whether the sshd fix is safe");
                fix = fix(session, pre, unreachable, evidence);
                run.log("fix: " + fix.detail());
            }
            HealResult.Verification verification = null;
            if (mode != HealMode.CHECK_ONLY) {
                run.log("verifying with a doctor run");
                DoctorReport report = doctor.run(shell, session, unreachable, trigger, actor, run.id());
                verification = new HealResult.Verification(report.runId(), report.status(), report.summary(),
                        report.failing().stream().map(CheckResult::id).toList());
            }
            if (verification != null) {
                run.log("doctor verification " + verification.status() + " (" + verification.summary() + ") run "
                        + verification.doctorRunId());
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
