package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.GuardEntry;
import io.openclaw.hq.doctor.model.GuardOutcome;
import io.openclaw.hq.doctor.model.HostGuardState;
import io.openclaw.hq.doctor.service.GuardLogStore;
import io.openclaw.hq.doctor.service.HostGuardLog;
import java.util.ArrayList;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** 9. Guard health: the guard ran within two intervals; its last results. */
@ApplicationScoped
public class GuardHealthCheck implements DoctorCheck {

    static final int SHOWN = 5;
    static final int HOST_TAIL = 5;

    private final DoctorConfig config;
    private final GuardLogStore log;
    private final HostGuardLog hostGuard;
    private final Clock clock;

    @jakarta.inject.Inject
    public GuardHealthCheck(DoctorConfig config, GuardLogStore log, HostGuardLog hostGuard) {
        this(config, log, hostGuard, Clock.systemUTC());
    }

    GuardHealthCheck(DoctorConfig config, GuardLogStore log, HostGuardLog hostGuard, Clock clock) {
        this.config = config;
        this.log = log;
        this.hostGuard = hostGuard;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "guard_health";
    }

    @Override
    public int number() {
        return 9;
    }

    @Override
    public String name() {
        return "Guard health";
    }

    @Override
    public Set<Probe> probes() {
        return Set.of();
    }

    /**
     * Both guards: the host guard's timer (its log, read through a read-only mount) and this
     * service's guard (its log in PostgreSQL). The worse of the two is the check's status; the host
     * guard's problems come first, since it is the one that still runs when this service does not.
     */
    @Override
    public CheckResult run(HostFacts facts) {
        CheckResult inService = inServiceGuard();
        HostGuardState host = hostGuard.read();
        List<String> details = new ArrayList<>();
        details.add("host guard (" + host.logPath() + "): " + (host.lastLine() == null ? "no line" : host.lastLine()));
        // the log's tail, both guards' lines, so the report shows what the host saw lately
        List<String> tail = host.lines();
        tail.subList(Math.max(0, tail.size() - HOST_TAIL), tail.size()).forEach(line -> details.add("host guard log: " + line));
        details.addAll(inService.details());
        String hostProblem = hostProblem(host);
        if (hostProblem == null) {
            String summary = inService.summary() + "; host guard " + host.ageMinutes() + " min ago: " + host.lastOutcome();
            return new CheckResult(id(), number(), name(), inService.status(), summary, details, inService.remediation());
        }
        return fail(hostProblem + "; " + inService.summary(), details,
                "Host guard: `systemctl status openclaw-guard.timer`, `tail /var/log/openclaw-guard/openclaw_guard.log`; "
                        + "install or repair with `sudo deploy/host/install_guard.sh` (docs/runbooks/guard.md)."
                        + (inService.remediation() == null ? "" : " " + inService.remediation()));
    }

    /** Why the host guard counts as failed, or null when it is fresh and its last cycle did not fail a remediation. */
    static String hostProblem(HostGuardState host) {
        if (!host.readable()) {
            return "host guard log unreadable: " + host.error();
        }
        if (host.lastRunAt() == null) {
            return "host guard has never written to " + host.logPath();
        }
        if (!host.fresh()) {
            return "host guard last wrote " + host.ageMinutes() + " min ago (more than " + host.staleAfterMinutes() + " min)";
        }
        if ("REMEDIATION_FAILED".equals(host.lastOutcome())) {
            return "host guard: sshd remediation failed";
        }
        return null;
    }

    private CheckResult inServiceGuard() {
        List<GuardEntry> recent = log.latest(SHOWN);
        List<String> details = recent.stream().map(GuardEntry::line).toList();
        String fix = "Check doctor-service is running and doctor.guard.cron is not 'off'; GET /guard/status shows the next run.";
        if (recent.isEmpty()) {
            return warn("no guard run recorded yet", details);
        }
        GuardEntry last = recent.get(0);
        Duration age = Duration.between(last.at(), clock.instant());
        Duration limit = config.guard().interval().multipliedBy(2);
        if (age.compareTo(limit) > 0) {
            return fail("last guard run " + age.toMinutes() + " min ago (more than two intervals, " + limit.toMinutes()
                    + " min)", details, fix);
        }
        if (last.outcome() == GuardOutcome.REMEDIATION_FAILED) {
            return fail("last guard run: remediation failed", details,
                    "Read the guard log (GET /guard/log) and the heal evidence; run POST /heal {\"mode\":\"check-only\"}.");
        }
        if (last.outcome() != GuardOutcome.PASS) {
            return warn("last guard run " + age.toMinutes() + " min ago: " + last.outcome(), details);
        }
        return pass("last guard run " + age.toMinutes() + " min ago: PASS", details);
    }
}
