package io.openclaw.hq.runner.rest;

import io.openclaw.hq.runner.config.Allowlists;
import io.openclaw.hq.runner.config.JobAllowlist;
import io.openclaw.hq.runner.config.RepoAllowlist;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeMap;

/**
 * What may be submitted, for HQ's Jobs form: job types with their params and patterns, and
 * repository names (URLs stay in the service).
 */
@Path("/jobs/allowlist")
@Produces(MediaType.APPLICATION_JSON)
public class AllowlistResource {

    private final Allowlists allowlists;

    public AllowlistResource(Allowlists allowlists) {
        this.allowlists = allowlists;
    }

    @GET
    public Allowed get() {
        JobAllowlist jobs = allowlists.jobs().require();
        RepoAllowlist repos = allowlists.repos().require();
        List<AllowedJob> jobTypes = new TreeMap<>(jobs.jobs()).entrySet().stream()
                .map(e -> new AllowedJob(e.getKey(), e.getValue().description(), e.getValue().timeoutSeconds(),
                        e.getValue().allowedParams().entrySet().stream()
                                .map(p -> new AllowedParam(p.getKey(), p.getValue().pattern(), p.getValue().isRequired(),
                                        p.getValue().description()))
                                .toList()))
                .toList();
        List<AllowedRepoName> repoNames = new TreeMap<>(repos.repos()).entrySet().stream()
                .map(e -> new AllowedRepoName(e.getKey(), e.getValue().description(), e.getValue().project()))
                .toList();
        return new Allowed(jobTypes, repoNames);
    }

    @RegisterForReflection
    public record Allowed(List<AllowedJob> jobTypes, List<AllowedRepoName> repos) {
    }

    @RegisterForReflection
    public record AllowedJob(String jobType, String description, int timeoutSeconds, List<AllowedParam> params) {
    }

    @RegisterForReflection
    public record AllowedParam(String name, String pattern, boolean required, String description) {
    }

    @RegisterForReflection
    public record AllowedRepoName(String name, String description, String project) {
    }
}
