package io.openclaw.hq.doctor.service;

import io.openclaw.hq.platform.runs.RunTrigger;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The guard (every 10 minutes) and the hourly doctor, both from cron expressions in config
 * ({@code off} disables one). They live here, not in the gateway, so they run when it is down.
 */
@ApplicationScoped
public class Schedules {

    public static final String GUARD = "guard";
    public static final String DOCTOR = "doctor-hourly";
    private static final Logger LOG = Logger.getLogger(Schedules.class);

    private final GuardService guard;
    private final DoctorRunner doctor;

    public Schedules(GuardService guard, DoctorRunner doctor) {
        this.guard = guard;
        this.doctor = doctor;
    }

    @Scheduled(identity = GUARD, cron = "{doctor.guard.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void guard() {
        try {
            guard.run(RunTrigger.TIMER, "timer");
        } catch (RuntimeException e) {
            LOG.errorf("guard run failed: %s", e.getClass().getSimpleName());
        }
    }

    @Scheduled(identity = DOCTOR, cron = "{doctor.schedule.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void doctor() {
        try {
            doctor.run(RunTrigger.TIMER, "timer");
        } catch (RuntimeException e) {
            LOG.errorf("scheduled doctor run failed: %s", e.getClass().getSimpleName());
        }
    }
}
