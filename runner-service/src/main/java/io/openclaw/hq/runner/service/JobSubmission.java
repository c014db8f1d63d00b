package io.openclaw.hq.runner.service;

import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.runner.config.Allowlists;
import io.openclaw.hq.runner.config.JobAllowlist;
import io.openclaw.hq.runner.config.JobType;
import io.openclaw.hq.runner.config.RepoAllowlist;
import io.openclaw.hq.runner.config.RunnerConfig;
import io.openclaw.hq.runner.model.Job;
import io.openclaw.hq.runner.model.JobRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * POST /jobs: the request checked against both allowlists (an unknown job type, repository or
 * parameter, a parameter that fails its pattern or a missing required one is a 400 naming it),
 * then queued. Nothing of a refused request is queued.
 */
@ApplicationScoped
public class JobSubmission {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Allowlists allowlists;
    private final JobStore store;
    private final JobDispatcher dispatcher;
    private final RunnerConfig config;

    public JobSubmission(Allowlists allowlists, JobStore store, JobDispatcher dispatcher, RunnerConfig config) {
        this.allowlists = allowlists;
        this.store = store;
        this.dispatcher = dispatcher;
        this.config = config;
    }

    public Job submit(JobRequest request, Caller caller) {
        if (request == null) {
            throw ProblemException.badRequest("a body {jobType, repo, sha?, params} is required");
        }
        JobAllowlist jobs = allowlists.jobs().require();
        RepoAllowlist repos = allowlists.repos().require();
        Map<String, String> params = JobRequestRules.check(request, jobs, repos);
        Instant now = Instant.now();
        Job job = store.enqueue(newJobId(now), request.jobType(), request.repo(), request.sha(), params,
                caller.trigger(), caller.actor(), now, config.queue().capacity());
        dispatcher.wake();
        return job;
    }

    static String newJobId(Instant at) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return "job-" + ID_TIME.format(at) + "-" + HexFormat.of().formatHex(suffix);
    }

    /** The checks, apart so they can be read (and tested) as one table. */
    public static final class JobRequestRules {

        static final int MAX_VALUE_LENGTH = 1024;
        private static final java.util.regex.Pattern SHA = java.util.regex.Pattern.compile("[0-9a-f]{7,40}");

        private JobRequestRules() {
        }

        /** The params to pass, or a 400 naming the first thing wrong. */
        public static Map<String, String> check(JobRequest request, JobAllowlist jobs, RepoAllowlist repos) {
            if (request.jobType() == null || request.jobType().isBlank()) {
                throw ProblemException.badRequest("jobType is required");
            }
            JobType type = jobs.jobs().get(request.jobType());
            if (type == null) {
                throw ProblemException.badRequest("jobType '" + printable(request.jobType())
                        + "' is not in the job allowlist (allowed: " + String.join(", ", new TreeMap<>(jobs.jobs()).keySet()) + ")");
            }
            if (request.repo() == null || request.repo().isBlank()) {
                throw ProblemException.badRequest("repo is required");
            }
            if (!repos.repos().containsKey(request.repo())) {
                throw ProblemException.badRequest("repo '" + printable(request.repo()) + "' is not in the repository allowlist");
            }
            if (request.sha() != null && !SHA.matcher(request.sha()).matches()) {
                throw ProblemException.badRequest("sha must be 7 to 40 lower-case hex digits (a commit id), was '"
                        + printable(request.sha()) + "'");
            }
            Map<String, String> given = request.params() == null ? Map.of() : request.params();
            Map<String, String> accepted = new TreeMap<>();
            for (Map.Entry<String, String> e : new TreeMap<>(given).entrySet()) {
                String name = e.getKey();
                var rule = type.allowedParams().get(name);
                if (rule == null) {
                    throw ProblemException.badRequest("param '" + printable(name) + "' is not allowed for " + request.jobType()
                            + (type.allowedParams().isEmpty() ? " (it takes none)"
                                    : " (allowed: " + String.join(", ", type.allowedParams().keySet()) + ")"));
                }
                String value = e.getValue();
                if (value == null) {
                    throw ProblemException.badRequest("param '" + name + "' has no value");
                }
                if (value.length() > MAX_VALUE_LENGTH || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw ProblemException.badRequest("param '" + name + "' is longer than " + MAX_VALUE_LENGTH
                            + " characters or holds control characters");
                }
                if (!rule.accepts(value)) {
                    throw ProblemException.badRequest("param '" + name + "' does not match its pattern " + rule.pattern());
                }
                accepted.put(name, value);
            }
            type.allowedParams().forEach((name, rule) -> {
                if (rule.isRequired() && !accepted.containsKey(name)) {
                    throw ProblemException.badRequest("param '" + name + "' is required for " + request.jobType());
                }
            });
            return accepted;
        }

        private static String printable(String value) {
            String cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
            return cut.replaceAll("[^\\x20-\\x7e]", "?");
        }
    }
}
