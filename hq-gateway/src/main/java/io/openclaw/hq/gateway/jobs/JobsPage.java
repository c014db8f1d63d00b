package io.openclaw.hq.gateway.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.gateway.auth.CurrentPrincipal;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.Allowlist;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.ArtifactFile;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.Job;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.JobAccepted;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.JobArtifacts;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.RepoSpec;
import io.openclaw.hq.gateway.pages.ErrorPages;
import io.openclaw.hq.gateway.pages.FormFields;
import io.openclaw.hq.gateway.pages.PageContext;
import io.openclaw.hq.gateway.pages.PageContexts;
import io.openclaw.hq.gateway.runs.RunFeed;
import io.openclaw.hq.gateway.runs.RunLogView;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Jobs: submit an allowlisted job (a form per job type, built only from runner-service's
 * allowlist), the queue with each job's position and wait, the latest jobs, and a job's page with
 * its live output (the run page's poller), its artifacts and its invariants as badges. A runner that
 * cannot be read is said on the page; nothing is guessed and no form is offered.
 */
@Path("/jobs")
public class JobsPage {

    static final int LISTED = 200;
    static final int RECENT_SHOWN = 25;
    static final int PER_REPO = 5;
    static final Pattern JOB_ID = Pattern.compile("job-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
    static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final String RUNNER = "runner-service";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance jobs(PageContext ctx, Allowlist allowlist, String allowlistUnavailable,
                List<JobView> queue, List<JobView> recent, String jobsUnavailable);

        static native TemplateInstance job(PageContext ctx, JobView job, List<Badge> badges, List<ArtifactFile> files,
                String artifactsNote, RunLogView log, String outputNote, String pollUrl, long pollMillis, String watchUrl);

        static native TemplateInstance refused(int status, String title, String detail);

        static native TemplateInstance projectJobs(String project, List<RepoJobs> repos, String unavailable);
    }

    /** One invariant or warning as a badge: {@code tone} ok, warn or bad. */
    @io.quarkus.qute.TemplateData
    public record Badge(String name, String text, String tone) {
    }

    /** The latest jobs of one repository, for a project card. */
    @io.quarkus.qute.TemplateData
    public record RepoJobs(String repo, List<JobView> jobs, String unavailable) {
    }

    private final RunnerJobs runner;
    private final JobSubmitter submitter;
    private final CurrentPrincipal caller;
    private final PageContexts contexts;
    private final ErrorPages errors;
    private final RunFeed feed;
    private final GatewayConfig config;

    public JobsPage(RunnerJobs runner, JobSubmitter submitter, CurrentPrincipal caller, PageContexts contexts,
            ErrorPages errors, RunFeed feed, GatewayConfig config) {
        this.runner = runner;
        this.submitter = submitter;
        this.caller = caller;
        this.contexts = contexts;
        this.errors = errors;
        this.feed = feed;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance jobs() {
        BackendReply<Allowlist> allowlist = runner.allowlist();
        BackendReply<List<Job>> jobs = runner.jobs(LISTED, null);
        Instant now = Instant.now();
        List<JobView> all = jobs.isOk() ? jobs.value().stream().map(j -> JobView.of(j, now)).toList() : List.of();
        List<JobView> queue = all.stream().filter(JobView::isWaiting)
                .sorted(Comparator.comparing((JobView j) -> j.isQueued() ? 1 : 0)
                        .thenComparing(j -> j.queuePosition() == null ? Integer.MAX_VALUE : j.queuePosition()))
                .toList();
        return Templates.jobs(contexts.of("jobs"), allowlist.isOk() ? allowlist.value() : null,
                allowlist.isOk() ? null : allowlist.reason(), queue, all.stream().limit(RECENT_SHOWN).toList(),
                jobs.isOk() ? null : jobs.reason());
    }

    /**
     * The Jobs form (htmx, with the session's CSRF header). Queued: 202 and the job's page opens.
     * Refused: the status says why (400 off the allowlist, 429 queue full, 503 runner-service not
     * reachable) and the fragment says it in words where the form shows it.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        try {
            JobAccepted accepted = submitter.submit(FormFields.read(body, contentType), RunTrigger.WEB, caller.get());
            String link = "/jobs/" + accepted.jobId();
            return Response.accepted().location(URI.create(link)).header("HX-Redirect", link).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.refused(e.status(), e.title(), e.getMessage())).build();
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response job(@PathParam("id") String id) {
        if (!JOB_ID.matcher(id).matches()) {
            return errors.of("jobs", 400, "bad request", "a job id looks like job-20261202T024215Z-0b54c476", "/jobs",
                    "All jobs");
        }
        BackendReply<Job> reply = runner.job(id);
        if (!reply.isOk()) {
            int status = reply.isUnavailable() ? 503 : reply.status() == 404 ? 404 : 502;
            return errors.of("jobs", status, reply.isUnavailable() ? "runner-service unavailable" : "not found",
                    reply.reason(), "/jobs", "All jobs");
        }
        JobView job = JobView.of(reply.value(), Instant.now());
        BackendReply<JobArtifacts> artifacts = runner.artifacts(id);
        List<ArtifactFile> files = artifacts.isOk() ? artifacts.value().files() : List.of();
        String artifactsNote = artifacts.isOk() ? null : "Artifacts unavailable: " + artifacts.reason();
        JsonNode artifact = artifacts.isOk() && artifacts.value().artifact() != null ? artifacts.value().artifact() : null;

        RunLogView log = null;
        String outputNote = null;
        String pollUrl = null;
        if (job.runId() != null) {
            try {
                log = feed.log(RUNNER, job.runId(), 0);
            } catch (RuntimeException unavailable) {
                outputNote = "Output unavailable: runner-service did not answer.";
            }
            if (job.isRunning()) {
                pollUrl = "/timeline/" + RUNNER + "/" + job.runId() + "/output?after=" + (log == null ? 0 : log.next());
            }
        }
        // queued (no run yet), or running without output to follow: reload when its status moves on
        String watchUrl = job.isWaiting() && pollUrl == null ? "/jobs/" + id + "/watch?status=" + job.status() : null;
        return Response.ok(Templates.job(contexts.of("jobs"), job, badges(job, artifact), files, artifactsNote, log,
                outputNote, pollUrl, config.backends().streamPoll().toMillis(), watchUrl)).build();
    }

    /** For a waiting job's page: 204 while its status is still {@code status}, else reload the page. */
    @GET
    @Path("/{id}/watch")
    public Response watch(@PathParam("id") String id, @QueryParam("status") String status) {
        if (!JOB_ID.matcher(id).matches()) {
            throw ProblemException.badRequest("a job id looks like job-20261202T024215Z-0b54c476");
        }
        BackendReply<Job> reply = runner.job(id);
        if (reply.isOk() && !reply.value().status().equals(status)) {
            return Response.ok().header("HX-Refresh", "true").build();
        }
        return Response.noContent().build();
    }

    /** A project card's jobs: the latest jobs of each allowlisted repository filed under the project. */
    @GET
    @Path("/project/{project}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance projectJobs(@PathParam("project") String project) {
        if (!PROJECT_ID.matcher(project).matches()) {
            throw ProblemException.badRequest("a project id is lower-case letters, digits, '_' and '-'");
        }
        BackendReply<Allowlist> allowlist = runner.allowlist();
        if (!allowlist.isOk()) {
            return Templates.projectJobs(project, List.of(), allowlist.reason());
        }
        Instant now = Instant.now();
        List<RepoJobs> repos = new ArrayList<>();
        for (RepoSpec repo : allowlist.value().repos()) {
            if (!project.equals(repo.project())) {
                continue;
            }
            BackendReply<List<Job>> jobs = runner.jobs(PER_REPO, repo.name());
            repos.add(new RepoJobs(repo.name(),
                    jobs.isOk() ? jobs.value().stream().map(j -> JobView.of(j, now)).toList() : List.of(),
                    jobs.isOk() ? null : jobs.reason()));
        }
        return Templates.projectJobs(project, repos, null);
    }

    /**
     * The invariants from the job's {@code artifact.json} ({@code read_only_ok}, {@code clean_tree_ok};
     * the job record's until it is written) and every warning, each a badge.
     */
    static List<Badge> badges(JobView job, JsonNode artifact) {
        List<Badge> badges = new ArrayList<>();
        Boolean readOnly = job.readOnlyOk();
        Boolean clean = job.cleanTreeOk();
        Set<String> warnings = new LinkedHashSet<>(job.warnings());
        if (artifact != null) {
            JsonNode invariants = artifact.path("invariants");
            if (invariants.path("read_only_ok").isBoolean()) {
                readOnly = invariants.path("read_only_ok").asBoolean();
            }
            if (invariants.path("clean_tree_ok").isBoolean()) {
                clean = invariants.path("clean_tree_ok").asBoolean();
            }
            artifact.path("warnings").forEach(w -> warnings.add(w.asText()));
        }
        if (readOnly != null) {
            badges.add(new Badge("read_only_ok", "read_only_ok " + (readOnly ? "✓" : "✗"), readOnly ? "ok" : "bad"));
        }
        if (clean != null) {
            badges.add(new Badge("clean_tree_ok", "clean_tree_ok " + (clean ? "✓" : "✗"), clean ? "ok" : "bad"));
        }
        warnings.forEach(w -> badges.add(new Badge(w, w, "warn")));
        return badges;
    }
}
