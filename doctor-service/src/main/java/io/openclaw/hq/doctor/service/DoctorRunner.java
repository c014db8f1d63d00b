package io.openclaw.hq.doctor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openclaw.hq.doctor.host.HostSession;
import io.openclaw.hq.doctor.host.HostShell;
import io.openclaw.hq.doctor.host.HostShells;
import io.openclaw.hq.doctor.host.HostUnreachableException;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import io.openclaw.hq.doctor.model.DoctorReport;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunLauncher;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A doctor run as a run of its own: the run record, the examination, {@code doctor.json} in the
 * run's folder, and the report in PostgreSQL. The guard and heal call it inside their own session
 * (and lock) with their run as parent.
 */
@ApplicationScoped
public class DoctorRunner {

    static final String AREA = "doctor";
    static final String REPORT_FILE = "doctor.json";

    private final HostShells shells;
    private final DoctorEngine engine;
    private final ReportStore reports;
    private final RunRecorder recorder;
    private final RunLauncher launcher;
    private final ObjectMapper json;

    public DoctorRunner(HostShells shells, DoctorEngine engine, ReportStore reports, RunRecorder recorder,
            RunLauncher launcher, ObjectMapper json) {
        this.launcher = launcher;
        this.shells = shells;
        this.engine = engine;
        this.reports = reports;
        this.recorder = recorder;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * POST /doctor/run: recorded, answered at once ({@link RunAccepted}), examined on a worker
     * thread that logs each check as it finishes.
     */
    public RunAccepted start(Caller caller) {
        return launcher.launch(RunRequest.of(AREA, "doctor", caller.trigger(), caller.actor()), null,
                run -> onOwnConnection(run, caller.trigger()));
    }

    /** A doctor run on its own connection, on the caller's thread (the hourly schedule). */
    public DoctorReport run(RunTrigger trigger, String actor) {
        try (RunHandle run = recorder.start(RunRequest.of(AREA, "doctor", trigger, actor))) {
            return onOwnConnection(run, trigger);
        }
    }

    private DoctorReport onOwnConnection(RunHandle run, RunTrigger trigger) {
        HostShell shell = shells.current();
        HostSession session = null;
        String unreachable = null;
        run.log("connecting to " + shell.target() + " (" + shell.mode() + ")");
        try {
            session = shell.open();
        } catch (HostUnreachableException e) {
            unreachable = e.getMessage();
        }
        try {
            return examine(run, shell, session, unreachable, trigger);
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    /** A doctor run inside a session someone else opened; {@code session} null means unreachable. */
    public DoctorReport run(HostShell shell, HostSession session, String unreachable, RunTrigger trigger, String actor,
            String parentRunId) {
        RunRequest request = RunRequest.of(AREA, "doctor", trigger, actor);
        try (RunHandle run = recorder.start(parentRunId == null ? request : request.withParent(parentRunId))) {
            return examine(run, shell, session, unreachable, trigger);
        }
    }

    private DoctorReport examine(RunHandle run, HostShell shell, HostSession session, String unreachable,
            RunTrigger trigger) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        if (unreachable != null) {
            run.log("host unreachable: " + unreachable);
        }
        DoctorEngine.Examination exam = engine.examine(session, unreachable, run::log,
                r -> run.log(r.number() + ". " + r.name() + ": " + r.status() + " — " + r.summary()));
        long durationMs = (System.nanoTime() - t0) / 1_000_000;
        List<CheckResult> results = exam.results();
        CheckStatus status = CheckStatus.worst(results.stream().map(CheckResult::status).toList());
        DoctorReport report = new DoctorReport(run.id(), shell.target(), shell.mode(), started, durationMs, status,
                summary(results), exam.posture(), results);
        writeReport(run, report);
        reports.save(report, trigger.wire());
        run.log("doctor " + status + ": " + report.summary());
        if (status == CheckStatus.FAIL) {
            run.fail("doctor " + status + ": " + report.summary(), "failing checks: " + report.failing().stream()
                    .map(CheckResult::id).collect(Collectors.joining(", ")));
        } else {
            run.succeed("doctor " + status + ": " + report.summary());
        }
        return report;
    }

    static String summary(List<CheckResult> results) {
        long pass = results.stream().filter(r -> r.status() == CheckStatus.PASS).count();
        long warn = results.stream().filter(r -> r.status() == CheckStatus.WARN).count();
        long fail = results.stream().filter(r -> r.status() == CheckStatus.FAIL).count();
        return pass + " pass, " + warn + " warn, " + fail + " fail";
    }

    private void writeReport(RunHandle run, DoctorReport report) {
        Path file = run.directory().resolve(REPORT_FILE);
        try {
            Files.writeString(file, Redactor.redact(json.writeValueAsString(report)));
        } catch (IOException e) {
            throw new UncheckedIOException("doctor.json of run " + run.id(), e);
        }
        run.addArtifact(file);
    }
}
