package io.openclaw.hq.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class ApiTest {

    private final WireMockServer wm = BackendsWireMockResource.server();

    @BeforeEach
    void backends() throws Exception {
        Stubs.allUp(wm);
        // other classes' failed dispatches are gateway runs too; these tests count only the backends' runs
        try (var c = java.sql.DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
                var s = c.createStatement()) {
            s.execute("DELETE FROM gateway.runs");
        }
    }

    @AfterEach
    void closeBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void projectsAreTheReferencesFourWithStatus() {
        Hq.api().get("/api/projects").then().statusCode(200)
                .body("projects.project.id", hasItems("infra_openclaw", "soma_kajabi_library_ownership",
                        "clip_factory_monitoring", "music_pipeline"))
                .body("projects.size()", is(4))
                // from soma's status (contract): the latest snapshot of Home failed
                .body("projects.find { it.project.id == 'soma_kajabi_library_ownership' }.status", is("red"))
                .body("projects.find { it.project.id == 'soma_kajabi_library_ownership' }.statusReason",
                        containsString("snapshot Home User Library failed: Kajabi answered HTTP 503"))
                .body("projects.find { it.project.id == 'infra_openclaw' }.status", is("yellow"))
                .body("projects.find { it.project.id == 'infra_openclaw' }.lastError", containsString("sshd listens publicly"))
                .body("projects.find { it.project.id == 'infra_openclaw' }.nextSchedule", containsString("overdue"))
                .body("projects.find { it.project.id == 'music_pipeline' }.status", is("yellow"));
    }

    @Test
    void runsAreMergedNewestFirstAndFiltered() {
        Hq.api().get("/api/runs").then().statusCode(200)
                .body("runs.id", org.hamcrest.Matchers.contains("20260216T100000Z-aaa001", "20260216T093000Z-bbb001",
                        "20260216T090000Z-aaa000"))
                .body("sources.findAll { !it.available }.size()", is(0));
        Hq.api().get("/api/runs?service=soma-sync-service").then().body("runs.size()", is(1));
        Hq.api().get("/api/runs?status=failure").then().body("runs.size()", is(1)).body("runs[0].action", is("guard"));
        Hq.api().get("/api/runs?size=1&page=1").then().body("runs[0].id", is("20260216T093000Z-bbb001"))
                .body("hasMore", is(true));
    }

    /** The documented rule: a run belongs to a project when it names it, or names none and comes from its services. */
    @Test
    void theProjectFilterFollowsTheDocumentedRule() {
        Hq.api().get("/api/runs?project=infra_openclaw").then().statusCode(200)
                .body("runs.id", org.hamcrest.Matchers.contains("20260216T100000Z-aaa001", "20260216T090000Z-aaa000"));
        Hq.api().get("/api/runs?project=soma_kajabi_library_ownership").then().statusCode(200)
                .body("runs.id", org.hamcrest.Matchers.contains("20260216T093000Z-bbb001"));
        Hq.api().get("/api/runs?project=no_such_project").then().statusCode(400)
                .body("detail", containsString("no project 'no_such_project'"));
    }

    @Test
    void badFiltersAre400() {
        Hq.api().get("/api/runs?status=wat").then().statusCode(400).body("detail", containsString("status must be one of"));
        Hq.api().get("/api/runs?service=evil-service").then().statusCode(400);
        Hq.api().get("/api/runs?page=x").then().statusCode(400);
        Hq.api().get("/api/runs?size=100000").then().statusCode(400);
        Hq.api().get("/api/runs/..%2f..%2fetc").then().statusCode(org.hamcrest.Matchers.either(is(400)).or(is(404)));
        Hq.api().get("/api/runs/20260216T100000Z-aaa001/log?service=doctor-service&after=-1").then().statusCode(400)
                .body("detail", containsString("after must be 0 or more"));
    }

    @Test
    void aDownServiceIsNamedAndTheRestOfTheFeedStillShows() {
        Stubs.down(wm, Stubs.SOMA);
        Hq.api().get("/api/runs").then().statusCode(200).body("runs.size()", is(2))
                .body("sources.find { it.service == 'soma-sync-service' }.available", is(false))
                .body("sources.find { it.service == 'soma-sync-service' }.reason", containsString("unavailable"));
    }

    @Test
    void aHangingServiceCostsAboutASecondNotAnError() {
        Stubs.hanging(wm, Stubs.RUNNER);
        long start = System.nanoTime();
        Hq.api().get("/api/runs").then().statusCode(200).body("runs.size()", is(3))
                .body("sources.find { it.service == 'runner-service' }.reason", containsString("no answer in time"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
    }

    /** After half of four calls fail, the breaker opens and the service is not called again for a while. */
    @Test
    void breakerOpensAndStopsCallingTheDownService() {
        Stubs.down(wm, Stubs.RUNNER);
        for (int i = 0; i < 8; i++) {
            Hq.api().get("/api/runs").then().statusCode(200);
        }
        wm.verify(4, getRequestedFor(urlPathEqualTo(Stubs.RUNNER + "/runs")));
        assertThat(CircuitBreakerMaintenance.get().currentState("runner-service")).isEqualTo(CircuitBreakerState.OPEN);
        Hq.api().get("/api/runs").then()
                .body("sources.find { it.service == 'runner-service' }.reason", containsString("recent calls failed"));
        // the other services are not affected
        assertThat(CircuitBreakerMaintenance.get().currentState("doctor-service")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void expected404sDoNotTripTheBreaker() {
        for (int i = 0; i < 8; i++) {
            Hq.api().contentType("application/json").body("{\"action\":\"soma_mirror\"}").post("/api/exec").then().statusCode(501);
        }
        assertThat(CircuitBreakerMaintenance.get().currentState("soma-sync-service")).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void oneRunByIdAskedOfEveryService() {
        Hq.api().get("/api/runs/20260216T093000Z-bbb001").then().statusCode(404);
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(Stubs.SOMA + "/runs/20260216T093000Z-bbb001"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(Stubs.run("20260216T093000Z-bbb001",
                        "soma-sync-service", "soma_snapshot_home", "success", "2026-02-16T09:30:00Z", null))));
        Hq.api().get("/api/runs/20260216T093000Z-bbb001").then().statusCode(200).body("service", is("soma-sync-service"));
        Hq.api().get("/api/runs/20260216T093000Z-bbb001?service=soma-sync-service").then().statusCode(200)
                .body("action", is("soma_snapshot_home"));
        Hq.api().get("/api/runs/bad id!").then().statusCode(400);
    }

    @Test
    void aiStatusShowsMaskedKeysAndFingerprintsOnly() {
        com.fasterxml.jackson.databind.JsonNode providers = Replay.json("llm-router-service", "status").path("providers");
        String body = Hq.api().get("/api/ai-status").then().statusCode(200).body("available", is(true))
                .body("providers.find { it.name == 'openai' }.keyMasked", is(providers.path("openai").path("key_masked").asText()))
                .body("providers.find { it.name == 'openai' }.keyFingerprint",
                        is(providers.path("openai").path("key_fingerprint").asText()))
                .body("providers.find { it.name == 'mistral' }.state", is(providers.path("mistral").path("state").asText()))
                .body("providers.find { it.name == 'ollama' }.state", is("disabled"))
                .body("reviewGate.mode", is("fail-closed"))
                .body("reviewGate.provider", is("openai")).extract().asString();
        assertThat(body).doesNotContain("\"configured\"");
        CanarySecrets.assertNoLeak(body, "/api/ai-status");
        Hq.api().get("/api/llm/status").then().statusCode(200).body("config.valid", is(true));
    }

    @Test
    void llmStatusOfADownRouterIs503() {
        Stubs.down(wm, Stubs.LLM);
        Hq.api().get("/api/llm/status").then().statusCode(503).body("detail", containsString("llm-router-service unavailable"));
        Hq.api().get("/api/ai-status").then().statusCode(200).body("available", is(false));
    }

    @Test
    void gatewaysOwnRunFeedIsBehindTheLoginToo() {
        io.restassured.RestAssured.given().get("/runs").then().statusCode(401);
        List<Object> runs = Hq.api().get("/runs").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(runs).isNotNull();
    }
}
