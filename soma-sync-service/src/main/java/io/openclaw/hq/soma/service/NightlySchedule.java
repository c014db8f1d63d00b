package io.openclaw.hq.soma.service;

import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.locks.ResourceLockedException;

import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.config.SomaSettings;
import io.openclaw.hq.soma.model.SomaStatus;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The nightly run, on the cron of config/soma.json ({@code schedule.cron}, {@code off} for none),
 * registered with the Quarkus scheduler at start-up (a changed cron takes effect at the next
 * restart). It starts {@link SomaRuns#nightly} as the timer; when a run holds the lock the nightly
 * is recorded as refused and tried again the next night.
 */
@ApplicationScoped
public class NightlySchedule {

    public static final String JOB = "soma-nightly";
    private static final Logger LOG = Logger.getLogger(NightlySchedule.class);

    private final Scheduler scheduler;
    private final SomaSettings settings;
    private final SomaRuns runs;
    private volatile String cron;
    private volatile List<String> workflows = List.of();
    private volatile String problem;

    public NightlySchedule(Scheduler scheduler, SomaSettings settings, SomaRuns runs) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.runs = runs;
    }

    void onStart(@Observes StartupEvent event) {
        SomaFile file;
        try {
            file = settings.current();
        } catch (RuntimeException e) {
            problem = "config/soma.json is invalid: no nightly run until it is fixed and the service restarted";
            return;
        }
        cron = file.schedule().cron().strip();
        workflows = file.schedule().workflows();
        if ("off".equalsIgnoreCase(cron) || workflows.isEmpty()) {
            problem = "off";
            return;
        }
        try {
            scheduler.newJob(JOB).setCron(cron).setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> fire()).schedule();
            LOG.infof("nightly Soma run scheduled: %s (%s)", cron, String.join(", ", workflows));
        } catch (RuntimeException e) {
            problem = "schedule.cron '" + cron + "' is not a valid Quartz cron: " + e.getMessage();
            LOG.error(problem);
        }
    }

    void fire() {
        try {
            runs.nightly(Caller.timer());
        } catch (ResourceLockedException e) {
            LOG.warnf("nightly Soma run refused: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf("nightly Soma run could not start: %s", e.getClass().getSimpleName());
        }
    }

    public SomaStatus.ScheduleStatus status() {
        Trigger trigger = scheduler.getScheduledJob(JOB);
        return new SomaStatus.ScheduleStatus(cron, workflows, trigger != null,
                trigger == null ? null : trigger.getNextFireTime(), problem);
    }
}
