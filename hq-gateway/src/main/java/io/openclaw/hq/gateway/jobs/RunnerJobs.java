package io.openclaw.hq.gateway.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.gateway.backends.Backend;
import io.openclaw.hq.gateway.backends.BackendCalls;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.BackendUnavailableException;
import io.openclaw.hq.gateway.backends.Backends;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.Allowlist;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.Job;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.JobAccepted;
import io.openclaw.hq.gateway.jobs.RunnerJobsContract.JobArtifacts;
import io.openclaw.hq.platform.runs.Caller;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The typed client of runner-service's job API. Every call answers a {@link BackendReply} of its
 * contract record and never throws: a runner that is down, slow, behind its open breaker or whose
 * answer does not fit the contract is {@code UNAVAILABLE}, which the pages say in words.
 */
@ApplicationScoped
public class RunnerJobs {

    private final Breaker breaker;

    public RunnerJobs(Breaker breaker) {
        this.breaker = breaker;
    }

    public BackendReply<Allowlist> allowlist() {
        return typed(RunnerJobsApi::allowlist, new TypeReference<>() {
        });
    }

    public BackendReply<List<Job>> jobs(int limit, String repo) {
        return typed(api -> api.jobs(limit, repo), new TypeReference<>() {
        });
    }

    public BackendReply<Job> job(String id) {
        return typed(api -> api.job(id), new TypeReference<>() {
        });
    }

    public BackendReply<JobArtifacts> artifacts(String id) {
        return typed(api -> api.artifacts(id), new TypeReference<>() {
        });
    }

    /** Hands a checked submission over, naming who asked and how. */
    public BackendReply<JobAccepted> submit(JsonNode body, Caller caller) {
        return typed(api -> api.submit(caller.actor(), caller.trigger().wire(), body), new TypeReference<>() {
        });
    }

    private <T> BackendReply<T> typed(Function<RunnerJobsApi, Response> request, TypeReference<T> type) {
        return Backends.read(Backends.guarded(Backend.RUNNER, () -> breaker.call(request)), type);
    }

    /**
     * One circuit breaker for the job API, apart from the run feed's: after half of four calls fail
     * it stays open five seconds and calls answer "unavailable" at once.
     */
    @ApplicationScoped
    public static class Breaker {

        private final RunnerJobsApi api;

        public Breaker(@RestClient RunnerJobsApi api) {
            this.api = api;
        }

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5000, successThreshold = 1,
                failOn = BackendUnavailableException.class)
        @CircuitBreakerName("runner-jobs")
        public BackendReply<JsonNode> call(Function<RunnerJobsApi, Response> request) {
            return BackendCalls.invoke(Backend.RUNNER, () -> request.apply(api));
        }
    }
}
