package io.openclaw.hq.soma.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.openclaw.hq.soma.service.ArtifactFiles;
import io.openclaw.hq.soma.snapshot.Library;
import io.openclaw.hq.soma.snapshot.SnapshotWorkflow;
import io.openclaw.hq.soma.support.Api;
import io.openclaw.hq.soma.support.KajabiFake;
import io.openclaw.hq.soma.support.Libraries;
import io.openclaw.hq.soma.support.SomaCanaries;
import io.openclaw.hq.soma.support.SomaTestResources;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SomaTestResources
class SnapshotTest {

    static final String HOME = "{\"product\":\"Home User Library\"}";
    static final Library LIBRARY = Libraries.withMedia(
            Libraries.parse("home", "hm1:Basics=hl1:Intro,hl2:Breath,hl3:Rest|hm2:Flow=hl4:Sun,hl5:Moon~"),
            "hl1", new Library.Media("md1", "video", "intro.mp4", 312L));

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    SnapshotWorkflow workflow;

    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    KajabiFake kajabi;

    @BeforeEach
    void kajabiServesTheHomeLibrary() {
        wireMock.resetAll();
        wireMock.stubFor(post(urlPathEqualTo("/alerts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        kajabi = new KajabiFake(wireMock, 2);
        kajabi.token("kj-token-abcdef123456", 3600);
        kajabi.product("prod-home", LIBRARY);
        pauses.clear();
        workflow.usePause(pauses::add);
    }

    static Path artifact(String relative) {
        return TestSecretsResource.artifactRoot().resolve(relative);
    }

    static String artifactOf(JsonPath run, String name) {
        return run.getList("artifacts", String.class).stream().filter(a -> a.endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + run.getList("artifacts")));
    }

    @Test
    void everyPageIsFollowedAndTheSnapshotIsCanonical() throws Exception {
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("success");
        assertThat(run.getString("action")).isEqualTo("soma_snapshot_home");
        assertThat(run.getString("project")).isEqualTo("soma_kajabi_library_ownership");

        // 5 lessons at 2 per page: 3 lesson pages, 1 courses page, 1 token: nothing fetched twice
        assertThat(wireMock.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo(KajabiFake.lessonsPath("c-home"))))).hasSize(3);
        assertThat(kajabi.minimumRequests(LIBRARY)).isEqualTo(4);

        JsonPath snapshot = JsonPath.from(artifact(artifactOf(run, "snapshot.json")).toFile());
        assertThat(snapshot.getList("courses[0].modules.id")).containsExactly("hm1", "hm2");
        assertThat(snapshot.getList("courses[0].modules[0].lessons.id")).containsExactly("hl1", "hl2", "hl3");
        assertThat(snapshot.getList("courses[0].modules[1].lessons.published")).containsExactly(true, false);
        assertThat(snapshot.getString("courses[0].modules[0].lessons[0].media[0].filename")).isEqualTo("intro.mp4");
        assertThat(snapshot.getInt("counts.lessons")).isEqualTo(5);

        byte[] bytes = Files.readAllBytes(artifact(artifactOf(run, "snapshot.json")));
        JsonPath manifest = JsonPath.from(artifact(artifactOf(run, "manifest.json")).toFile());
        assertThat(manifest.getString("artifacts.find { it.name == 'snapshot.json' }.sha256"))
                .isEqualTo(ArtifactFiles.sha256(bytes));
        assertThat(manifest.getInt("requests")).isEqualTo(5);

        JsonPath again = Api.run("/soma/snapshot", "{\"product\":\"home\"}");
        assertThat(again.getString("status")).isEqualTo("success");
        byte[] second = Files.readAllBytes(artifact(artifactOf(again, "snapshot.json")));
        assertThat(ArtifactFiles.sha256(second)).isEqualTo(ArtifactFiles.sha256(bytes));
        assertThat(again.getString("summary")).contains("unchanged since " + run.getString("id"));
        JsonPath changes = JsonPath.from(artifact(artifactOf(again, "changes.json")).toFile());
        assertThat(changes.getString("previousRunId")).isEqualTo(run.getString("id"));
        assertThat(changes.getList("added")).isEmpty();

        Api.call().get("/soma/status").then().statusCode(200)
                .body("products.find { it.slug == 'home' }.lastGoodRunId", is(again.getString("id")))
                .body("products.find { it.slug == 'home' }.snapshotSha256", is(ArtifactFiles.sha256(bytes)))
                .body("products.find { it.slug == 'home' }.counts.lessons", is(5));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/alerts"))
                .withRequestBody(matchingJsonPath("$.checkId", equalTo("soma.snapshot_home")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("OK"))));
    }

    @Test
    void theSummarySaysWhatChangedSinceThePreviousSnapshot() {
        String before = Api.run("/soma/snapshot", HOME).getString("id");
        kajabi.product("prod-home", Libraries.parse("home",
                "hm1:Basics=hl1:Welcome,hl3:Rest~|hm2:Flow=hl4:Sun,hl5:Moon~,hl2:Breath,hl6:Stars"));
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("summary")).contains("since " + before + ": 1 added, 0 removed, 1 renamed, 2 moved, 1 publish");
        JsonPath changes = JsonPath.from(artifact(artifactOf(run, "changes.json")).toFile());
        assertThat(changes.getList("renamed.to")).containsExactly("Welcome");
        assertThat(changes.getList("added.id")).containsExactly("hl6");
        assertThat(changes.getList("publishState.id")).containsExactly("hl3");
    }

    @Test
    void a429IsWaitedOutAsRetryAfterSays() {
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 2).atPriority(1).inScenario("throttle")
                .whenScenarioStateIs(STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).isEqualTo("success");
        assertThat(pauses).containsExactly(Duration.ofSeconds(7));
        assertThat(Api.log(run.getString("id"))).contains("429", "waiting 7000 ms as asked");
    }

    @Test
    void aRetryAfterLongerThanAllowedFailsTheRunInsteadOfHanging() {
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 1).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("error")).contains("3600 s", "kajabi.maxRetryAfterSeconds = 30");
        assertThat(pauses).isEmpty();
    }

    @Test
    void a401GetsOneFreshTokenAndTheRunGoesOn() {
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 1).atPriority(1).inScenario("expired")
                .whenScenarioStateIs(STARTED).willSetStateTo("renewed").willReturn(aResponse().withStatus(401)));
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).isEqualTo("success");
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(KajabiFake.TOKEN_PATH)));
        wireMock.verify(postRequestedFor(urlPathEqualTo(KajabiFake.TOKEN_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials")));
    }

    @Test
    void a401TwiceFailsClosedAndLeaksNoSecret() throws Exception {
        String lastGood = Api.run("/soma/snapshot", HOME).getString("id");
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 1).atPriority(1).willReturn(aResponse().withStatus(401)));
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("error")).contains("401", "again with a fresh token", "kajabi_client_id");
        // one token for the good run; one, then one fresh after the first 401, for the failing run
        wireMock.verify(3, postRequestedFor(urlPathEqualTo(KajabiFake.TOKEN_PATH)));
        assertThat(run.getList("artifacts", String.class)).noneMatch(a -> a.endsWith("snapshot.json"));
        Api.call().get("/soma/status").then().body("products.find { it.slug == 'home' }.lastGoodRunId", is(lastGood));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/alerts"))
                .withRequestBody(matchingJsonPath("$.checkId", equalTo("soma.snapshot_home")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("FAIL")))
                .withRequestBody(matchingJsonPath("$.severity", equalTo("critical"))));

        // the canary scan: the failing run's record, log, artifacts, every row, the service log, the API answers
        String answers = Api.call().get("/runs/" + run.getString("id")).asString() + Api.log(run.getString("id"))
                + Api.call().get("/soma/status").asString() + Api.call().get("/soma/errors?limit=100").asString();
        assertThat(SomaCanaries.leaksIn(answers)).as("secrets in API answers").isEmpty();
        assertThat(SomaCanaries.leaksIn(Files.readString(TestSecretsResource.LOG_FILE))).as("secrets in the log").isEmpty();
        try (var files = Files.walk(TestSecretsResource.artifactRoot())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(SomaCanaries.leaksIn(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)))
                        .as("secrets in %s", f).isEmpty();
            }
        }
        CanarySecrets.assertNoLeakInSchema("soma_sync");
        // the Kajabi client id and secret were sent where they belong, and only there
        wireMock.verify(postRequestedFor(urlPathEqualTo(KajabiFake.TOKEN_PATH)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("client_secret=" + SomaCanaries.KAJABI_CLIENT_SECRET)));
    }

    @Test
    void aServerErrorFailsTheRunNamingTheRequest() {
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 3).atPriority(1).willReturn(aResponse().withStatus(500)));
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("error")).contains("HTTP 500", "/v1/courses/c-home/lessons");
    }

    @Test
    void aTruncatedAnswerFailsTheRunNamingTheJsonPath() {
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 2).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"data\":[{\"id\":\"hl3\",\"type\":\"lessons\",\"attributes\":{\"title\":\"Re")));
        JsonPath run = Api.run("/soma/snapshot", HOME);
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("error")).contains("malformed at $.data[0].attributes.title", "page%5Bnumber%5D=2");
    }

    @Test
    void anInterruptedSnapshotLeavesThePreviousOneIntact() throws Exception {
        JsonPath good = Api.run("/soma/snapshot", HOME);
        Path goodFile = artifact(artifactOf(good, "snapshot.json"));
        byte[] goodBytes = Files.readAllBytes(goodFile);

        kajabi.product("prod-home", Libraries.parse("home", "hm1:Basics=hl1:Everything changed"));
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 1).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        JsonPath broken = Api.run("/soma/snapshot", HOME);
        assertThat(broken.getString("status")).isEqualTo("failure");
        assertThat(broken.getString("error")).contains("failed");
        assertThat(Files.exists(TestSecretsResource.artifactRoot().resolve("soma/" + broken.getString("id") + "/snapshot.json")))
                .isFalse();
        assertThat(Files.readAllBytes(goodFile)).isEqualTo(goodBytes);
        Api.call().get("/soma/status").then()
                .body("products.find { it.slug == 'home' }.lastGoodRunId", is(good.getString("id")));
    }

    @Test
    void aShortLivedTokenIsRenewedBeforeItExpires() {
        kajabi.token("kj-token-shortlived1", 2);
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 2).atPriority(1).willReturn(aResponse().withFixedDelay(1500)
                .withStatus(200).withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"data\":[],\"links\":{\"next\":\"/v1/courses/c-home/lessons?include=media&page%5Bsize%5D=2&page%5Bnumber%5D=3\"}}")));
        Api.run("/soma/snapshot", HOME);
        // renewed after 1 s of its 2 s life: at least once more, and never after a 401
        assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(KajabiFake.TOKEN_PATH)))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void badRequestsAreRefusedNamingWhatWasWrong() {
        Api.call().body("{\"product\":\"Advanced Library\"}").post("/soma/snapshot").then().statusCode(400)
                .body("detail", containsString("unknown product 'Advanced Library'"))
                .body("detail", containsString("'Home User Library' (home)"));
        Api.call().body("{\"product\":\"home\",\"force\":true}").post("/soma/snapshot").then().statusCode(400)
                .body("detail", containsString("unknown field 'force'"));
        Api.call().body("{}").post("/soma/snapshot").then().statusCode(400).body("detail", containsString("product is required"));
        Api.call().body("{\"dryRun\":true}").post("/soma/harvest").then().statusCode(400)
                .body("detail", containsString("unknown field 'dryRun'"));
        Api.call().body("{\"x\":1}").post("/soma/mirror").then().statusCode(400).body("detail", containsString("unknown field 'x'"));
        Api.call().header("X-HQ-Trigger", "cron").body(HOME).post("/soma/snapshot").then().statusCode(400)
                .body("detail", containsString("X-HQ-Trigger"));
        Api.call().get("/soma/errors?limit=0").then().statusCode(400).body("detail", containsString("limit"));
        Api.call().get("/soma/errors?limit=abc").then().statusCode(400).body("detail", containsString("'abc'"));
    }

    @Test
    void oneSomaRunAtATimeASecondGets409NamingTheHolder() {
        wireMock.stubFor(KajabiFake.lessonsPage("c-home", 1).atPriority(1).willReturn(aResponse().withFixedDelay(1500)
                .withStatus(200).withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"data\":[],\"links\":{\"next\":null}}")));
        String holder = Api.call().header("X-HQ-Trigger", "web").header("X-HQ-Actor", "sha256:1a2b3c4d").body(HOME)
                .post("/soma/snapshot").then().statusCode(202).body("run.status", is("running"))
                .body("run.trigger", is("web")).body("run.actor", is("sha256:1a2b3c4d"))
                .extract().path("runId");
        Api.call().body("{}").post("/soma/mirror").then().statusCode(409).body("runId", is(holder))
                .body("title", is("locked"));
        Api.awaitRun(holder);
        List<String> refused = Api.call().get("/soma/errors").then().statusCode(200).extract().path("findAll { it.status == 'refused' }.action");
        assertThat(refused).contains("soma_mirror");
    }
}
