package io.openclaw.hq.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openclaw.hq.platform.errors.Problem;
import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunLogPage;
import io.openclaw.hq.platform.runs.RunRecord;
import io.openclaw.hq.platform.runs.RunStatus;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.time.Instant;
import java.util.List;

/**
 * Backend answers as the backends give them: the contract files their tests record ({@link Replay}),
 * and run records, accepted runs and log pages serialised from the platform's own types.
 */
public final class Stubs {

    public static final String DOCTOR = "/doctor-service";
    public static final String LLM = "/llm-router-service";
    public static final String NOTIFY = "/notify-service";
    public static final String SOMA = "/soma-sync-service";
    public static final String RUNNER = "/runner-service";

    /** The platform services' own JSON settings: ISO instants, nulls written. */
    private static final ObjectMapper PLATFORM_JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Stubs() {
    }

    /** Every service up with a little data; breakers closed. */
    public static void allUp(WireMockServer wm) {
        wm.resetAll();
        CircuitBreakerMaintenance.get().resetAll();
        wm.stubFor(get(urlPathEqualTo(DOCTOR + "/runs")).willReturn(okJson("[" + run("20260216T100000Z-aaa001",
                "doctor-service", "doctor", "success", "2026-02-16T10:00:00Z", null) + "," + run("20260216T090000Z-aaa000",
                "doctor-service", "guard", "failure", "2026-02-16T09:00:00Z", "sshd listens publicly") + "]")));
        wm.stubFor(get(urlPathEqualTo(SOMA + "/runs")).willReturn(okJson("[" + run("20260216T093000Z-bbb001",
                "soma-sync-service", "soma_snapshot_home", "success", "2026-02-16T09:30:00Z", null) + "]")));
        wm.stubFor(get(urlPathEqualTo(LLM + "/runs")).willReturn(okJson("[]")));
        wm.stubFor(get(urlPathEqualTo(NOTIFY + "/runs")).willReturn(okJson("[]")));
        wm.stubFor(get(urlPathEqualTo(RUNNER + "/runs")).willReturn(okJson("[]")));
        replay(wm, DOCTOR + "/doctor/reports", "doctor-service", "reports");
        replay(wm, DOCTOR + "/doctor/history", "doctor-service", "history");
        replay(wm, DOCTOR + "/guard/status", "doctor-service", "guard-status");
        replay(wm, DOCTOR + "/guard/log", "doctor-service", "guard-log");
        replay(wm, LLM + "/v1/status", "llm-router-service", "status");
        replay(wm, LLM + "/v1/spend", "llm-router-service", "spend");
        replay(wm, NOTIFY + "/status", "notify-service", "status");
        replay(wm, NOTIFY + "/deliveries", "notify-service", "deliveries");
        replay(wm, RUNNER + "/jobs/allowlist", "runner-service", "jobs-allowlist");
        replay(wm, RUNNER + "/jobs", "runner-service", "jobs");
        replay(wm, RUNNER + "/jobs/" + Replay.json("runner-service", "job").path("id").asText(), "runner-service", "job");
        replay(wm, RUNNER + "/jobs/" + Replay.json("runner-service", "job").path("id").asText() + "/artifacts",
                "runner-service", "job-artifacts");
        replay(wm, SOMA + "/soma/status", "soma-sync-service", "status");
        replay(wm, SOMA + "/soma/errors", "soma-sync-service", "errors");
        replay(wm, SOMA + "/soma/mirror/latest", "soma-sync-service", "mirror-latest");
        replay(wm, SOMA + "/soma/changes/latest", "soma-sync-service", "changes-latest");
    }

    /** GET {@code path} answers the recorded contract's body. */
    public static void replay(WireMockServer wm, String path, String service, String name) {
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(Replay.body(service, name))));
    }

    /** POST {@code path} answers 202 RunAccepted for a run now running, as RunLauncher does. */
    public static void accepts(WireMockServer wm, String path, String runId, String service, String action) {
        RunRecord running = record(runId, service, action, RunStatus.RUNNING, "2026-02-16T11:00:00Z", null);
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(json(RunAccepted.of(running)))));
    }

    /** GET /runs/{id}, and /runs/{id}/log?after={after} answering {@code lines} (the run's lines after that one). */
    public static void runWithLog(WireMockServer wm, String prefix, String runId, String service, String action,
            String status, int after, List<String> lines, boolean finished) {
        wm.stubFor(get(urlPathEqualTo(prefix + "/runs/" + runId)).willReturn(okJson(
                run(runId, service, action, status, "2026-02-16T13:00:00Z", "failure".equals(status) ? "step 2 failed" : null))));
        wm.stubFor(get(urlPathEqualTo(prefix + "/runs/" + runId + "/log")).withQueryParam("after", equalTo(Integer.toString(after)))
                .willReturn(okJson(json(new RunLogPage(runId, after, after + lines.size(), lines, finished)))));
    }

    /** GET /runs/{id} answers 404 problem JSON, as the platform's RunsResource does for an unknown run. */
    public static void noRun(WireMockServer wm, String prefix, String runId) {
        wm.stubFor(get(urlPathMatching(prefix + "/runs/" + runId + "(/log)?")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(json(new Problem(404, "not found", "no run " + runId, null, null)))));
    }

    /** The service answers nothing for ten seconds: far longer than the gateway's one-second timeout. */
    public static void hanging(WireMockServer wm, String prefix) {
        wm.stubFor(any(urlPathMatching(prefix + "/.*")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(10_000).withStatus(200).withBody("[]")));
    }

    /** The service drops the connection. */
    public static void down(WireMockServer wm, String prefix) {
        wm.stubFor(any(urlPathMatching(prefix + "/.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** A platform RunRecord as JSON: a timer's run, finished unless running. */
    public static String run(String id, String service, String action, String status, String startedAt, String error) {
        return json(record(id, service, action, RunStatus.fromWire(status), startedAt, error));
    }

    static RunRecord record(String id, String service, String action, RunStatus status, String startedAt, String error) {
        boolean finished = status.isFinished();
        Instant started = Instant.parse(startedAt);
        return new RunRecord(id, null, service, action, RunTrigger.TIMER, "timer", status, started,
                finished ? started.plusMillis(1200) : null, finished ? 1200L : null,
                finished ? action + " " + status.wire() : null, error, List.of(), List.of(), null);
    }

    public static String json(Object value) {
        try {
            return PLATFORM_JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
