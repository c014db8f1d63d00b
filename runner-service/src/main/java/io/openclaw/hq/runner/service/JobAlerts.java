package io.openclaw.hq.runner.service;

import io.openclaw.hq.platform.notify.AlertRequest;
import io.openclaw.hq.platform.notify.NotifyClient;
import io.openclaw.hq.runner.config.RunnerConfig;
import io.openclaw.hq.runner.model.Job;
import io.openclaw.hq.runner.model.JobOutcome;
import io.openclaw.hq.runner.model.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What notify-service hears about jobs: every failed job (FAIL; critical for MUTATION_DETECTED),
 * a SIZE_CAP fallback (WARN), and OK when a job type succeeds again on a repository after a
 * failure, which resolves the open alert. Check ids: {@code runner.job.<type>.<repo>} and
 * {@code runner.size_cap.<repo>}.
 */
@ApplicationScoped
public class JobAlerts {

    private static final Logger LOG = Logger.getLogger(JobAlerts.class);

    private final NotifyClient notify;
    private final JobStore store;
    private final RunnerConfig config;

    public JobAlerts(NotifyClient notify, JobStore store, RunnerConfig config) {
        this.notify = notify;
        this.store = store;
        this.config = config;
    }

    /** Never throws: an alert that cannot be worked out or sent is logged, the job's outcome stands. */
    void jobEnded(Job job, String runId, JobOutcome outcome) {
        if (!config.alerts().enabled()) {
            return;
        }
        try {
            alert(job, runId, outcome);
        } catch (RuntimeException e) {
            LOG.warnf("alerts for job %s not sent: %s", job.id(), e.getMessage());
        }
    }

    private void alert(Job job, String runId, JobOutcome outcome) {
        String checkId = "runner.job." + job.jobType() + "." + job.repo();
        String subject = job.jobType() + " on " + job.repo();
        if (outcome.status() == JobStatus.SUCCESS) {
            if (outcome.warnings().contains(ArtifactJson.SIZE_CAP_WARNING)) {
                send(new AlertRequest("runner.size_cap." + job.repo(), "WARN", "warning",
                        "SIZE_CAP: review packets for " + job.repo(),
                        subject + " exceeded the review size cap; review packets were written instead (job "
                                + job.id() + ", run " + runId + ")", config.alerts().source()));
            }
            Optional<JobStatus> before = store.previousOutcome(job.jobType(), job.repo(), job.id());
            if (before.isPresent() && before.get() != JobStatus.SUCCESS) {
                send(new AlertRequest(checkId, "OK", "info", subject + " succeeds again",
                        "job " + job.id() + " succeeded (run " + runId + ")", config.alerts().source()));
            }
            return;
        }
        String severity = outcome.status() == JobStatus.MUTATION_DETECTED ? "critical" : "warning";
        send(new AlertRequest(checkId, "FAIL", severity, subject + ": " + outcome.errorClass(),
                "job " + job.id() + " (run " + runId + "): " + outcome.error(), config.alerts().source()));
    }

    private void send(AlertRequest alert) {
        notify.send(alert);
    }
}
