package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.GuardEntry;
import io.openclaw.hq.doctor.model.GuardOutcome;
import io.openclaw.hq.doctor.service.GuardLogStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** 9. Guard health: the guard ran within two intervals; its last results. */
@ApplicationScoped
public class GuardHealthCheck implements DoctorCheck {

    static final int SHOWN = 5;

    private final DoctorConfig config;
    private final GuardLogStore log;
    private final Clock clock;

    @jakarta.inject.Inject
    public GuardHealthCheck(DoctorConfig config, GuardLogStore log) {
        this(config, log, Clock.systemUTC());
    }

    GuardHealthCheck(DoctorConfig config, GuardLogStore log, Clock clock) {
        this.config = config;
        this.log = log;
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

    @Override
    public CheckResult run(HostFacts facts) {
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
