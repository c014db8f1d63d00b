package io.openclaw.hq.gateway.jobs;

import io.openclaw.hq.gateway.actions.ActionCaller;
import io.openclaw.hq.gateway.audit.AuditEvent;
import io.openclaw.hq.gateway.audit.AuditLog;
import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.DisplayCache;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.Allowlist;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.JobAccepted;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Submits one job: reads runner-service's allowlist, checks the form against it (nothing off it
 * reaches runner-service), audits the request, hands it over with who asked and how, audits the
 * outcome with the job it queued. A runner that cannot be asked refuses the submission (fail
 * closed) and the failed hand-over is recorded as a gateway run, as the Actions page does.
 */
@ApplicationScoped
public class JobSubmitter {

    static final String ACTION = "job_submit";

    private final RunnerJobs runner;
    private final AuditLog audit;
    private final RunRecorder runs;
    private final DisplayCache cache;

    public JobSubmitter(RunnerJobs runner, AuditLog audit, RunRecorder runs, DisplayCache cache) {
        this.runner = runner;
        this.audit = audit;
        this.runs = runs;
        this.cache = cache;
    }

    public JobAccepted submit(Map<String, List<String>> form, RunTrigger trigger, Principal principal) {
        Caller caller = ActionCaller.of(principal, trigger);
        BackendReply<Allowlist> allowlist = runner.allowlist();
        if (!allowlist.isOk()) {
            String why = "cannot check the job against runner-service's allowlist: " + allowlist.reason();
            auditEvent("job.request", "refused", principal, why);
            throw new ProblemException(503, "service unavailable", why);
        }
        JobForm.Checked checked;
        try {
            checked = JobForm.check(form, allowlist.value());
        } catch (ProblemException refused) {
            auditEvent("job.request", "refused", principal, "via " + trigger.wire() + ": " + refused.getMessage());
            throw refused;
        }
        String what = checked.jobType() + " on " + checked.repo();
        auditEvent("job.request", "accepted", principal, what + " → runner-service via " + trigger.wire() + " as "
                + caller.actor());
        BackendReply<JobAccepted> reply = runner.submit(checked.body(), caller);
        cache.clear("runner-service");
        if (reply.isOk() && reply.value() != null && reply.value().jobId() != null) {
            auditEvent("job.outcome", "ok", principal, what + " queued as " + reply.value().jobId() + " (/jobs/"
                    + reply.value().jobId() + ") by " + caller.actor() + " via " + trigger.wire());
            return reply.value();
        }
        if (reply.isOk()) {
            throw failed(what, checked.project(), caller, principal, 502, "refused by runner-service",
                    "runner-service accepted the job without naming it (no jobId)");
        }
        if (reply.isUnavailable()) {
            throw failed(what, checked.project(), caller, principal, 503, "service unavailable", reply.reason());
        }
        // runner-service's considered refusal (400 naming the field, 429 queue full): passed on as it is
        int status = reply.status() == 400 || reply.status() == 429 ? reply.status() : 502;
        auditEvent("job.outcome", "refused", principal, what + ": " + reply.reason());
        throw new ProblemException(status, status == 429 ? "queue full" : "refused by runner-service", reply.reason());
    }

    private ProblemException failed(String what, String project, Caller caller, Principal principal, int status,
            String title, String why) {
        RunRequest request = RunRequest.of("gateway", ACTION, caller.trigger(), caller.actor());
        if (project != null) {
            request = request.withProject(project);
        }
        String runId;
        try (RunHandle run = runs.start(request)) {
            run.log("hand-over of job " + what + " to runner-service failed: " + why);
            run.fail("dispatch to runner-service failed", why);
            runId = run.id();
        }
        auditEvent("job.outcome", "failed", principal, what + ": " + why + "; gateway run " + runId);
        return new ProblemException(status, title, why + " (recorded as gateway run " + runId + ")");
    }

    private void auditEvent(String event, String outcome, Principal principal, String detail) {
        audit.append(new AuditEvent(event, outcome, principal.actor(), principal.person(), principal.client(), detail));
    }
}
