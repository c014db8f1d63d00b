package io.openclaw.hq.runner.rest;

import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.runner.model.Job;
import io.openclaw.hq.runner.model.JobAccepted;
import io.openclaw.hq.runner.model.JobArtifacts;
import io.openclaw.hq.runner.model.JobRequest;
import io.openclaw.hq.runner.service.JobArtifactsReader;
import io.openclaw.hq.runner.service.JobStore;
import io.openclaw.hq.runner.service.JobSubmission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The job queue: submit (202, queued), follow one job, list the newest, read a job's artifacts.
 * A job's live output is its run's: {@code GET /runs/{runId}/log}.
 */
@Path("/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Pattern JOB_ID = Pattern.compile("job-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
    private static final Pattern REPO = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final JobSubmission submission;
    private final JobStore store;
    private final JobArtifactsReader artifacts;

    public JobsResource(JobSubmission submission, JobStore store, JobArtifactsReader artifacts) {
        this.submission = submission;
        this.store = store;
        this.artifacts = artifacts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(JobRequest request, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        Caller caller = Caller.of(trigger, actor);
        Job job = submission.submit(request, caller);
        return Response.accepted(JobAccepted.of(job)).location(URI.create("/jobs/" + job.id())).build();
    }

    @GET
    public List<Job> list(@QueryParam("limit") Integer limit, @QueryParam("repo") String repo) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (repo != null && !REPO.matcher(repo).matches()) {
            throw ProblemException.badRequest("repo must match " + REPO.pattern());
        }
        return store.list(effective, repo);
    }

    @GET
    @Path("/{id}")
    public Job get(@PathParam("id") String id) {
        return store.find(checked(id)).orElseThrow(() -> ProblemException.notFound("no job " + id));
    }

    @GET
    @Path("/{id}/artifacts")
    public JobArtifacts artifacts(@PathParam("id") String id) {
        return artifacts.of(get(id));
    }

    private static String checked(String id) {
        if (!JOB_ID.matcher(id).matches()) {
            throw ProblemException.badRequest("job id must match " + JOB_ID.pattern());
        }
        return id;
    }
}
