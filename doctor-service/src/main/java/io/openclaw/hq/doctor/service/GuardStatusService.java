package io.openclaw.hq.doctor.service;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.HostShells;
import io.openclaw.hq.doctor.model.GuardEntry;
import io.openclaw.hq.doctor.model.GuardStatus;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The guard's schedule and recent runs, for GET /guard/status and the heal evidence. */
@ApplicationScoped
public class GuardStatusService {

    static final int LAST_RUNS = 5;

    private final DoctorConfig config;
    private final GuardLogStore log;
    private final Scheduler scheduler;
    private final HostShells shells;

    public GuardStatusService(DoctorConfig config, GuardLogStore log, Scheduler scheduler, HostShells shells) {
        this.config = config;
        this.log = log;
        this.scheduler = scheduler;
        this.shells = shells;
    }

    public GuardStatus status() {
        List<GuardEntry> last = log.latest(LAST_RUNS);
        Trigger trigger = scheduler.getScheduledJob(Schedules.GUARD);
        Instant nextRun = trigger == null ? null : trigger.getNextFireTime();
        Instant lastRunAt = last.isEmpty() ? null : last.get(0).at();
        Duration interval = config.guard().interval();
        boolean healthy = trigger != null && lastRunAt != null
                && Duration.between(lastRunAt, Instant.now()).compareTo(interval.multipliedBy(2)) <= 0;
        return new GuardStatus(shells.current().target(), config.guard().cron(), interval.toMinutes(), trigger != null,
                nextRun, healthy, lastRunAt, last.isEmpty() ? null : last.get(0).outcome(), last);
    }
}
