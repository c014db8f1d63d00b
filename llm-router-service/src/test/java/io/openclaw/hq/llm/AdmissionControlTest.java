package io.openclaw.hq.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.completion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Admission control with the test profile's cap of 2 calls in flight and 64 places to wait: two
 * calls the fake provider holds fill the cap, 64 more wait, and every call beyond that is refused at
 * once with 429, Retry-After and the reason, never sent upstream and counted in the status. The
 * waiting calls are answered once the held ones end. Counts only, no timings.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class AdmissionControlTest {

    private static final int CAP = 2;
    private static final int WAITING_ROOM = 64;
    private static final int BEYOND = 5;

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @TestHTTPResource("/v1/chat/completions")
    URI chat;

    @Test
    void callsBeyondTheCapAndTheWaitingRoomAreRefusedAtOnceWith429() throws Exception {
        wireMock.resetAll();
        answer(wireMock, "openai", completion("gpt-4o-mini", "quick", 5, 2));
        // held long enough to fill the waiting room and knock on the door; a chunk a second, so the
        // provider timeout (4 s of silence) never fires
        wireMock.stubFor(post(urlEqualTo(FakeProviders.CHAT)).atPriority(1)
                .withHeader("Authorization", equalTo(FakeProviders.bearer("openai")))
                .withRequestBody(containing("hold-me"))
                .willReturn(completion("gpt-4o-mini", "held", 5, 2).withChunkedDribbleDelay(10, 10_000)));
        long refusedBefore = calls().getLong("refused_total");

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> accepted = new ArrayList<>();
        for (int i = 0; i < CAP; i++) {
            accepted.add(send(client, "hold-me"));
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> calls().getInt("now") == CAP);
        for (int i = 0; i < WAITING_ROOM; i++) {
            accepted.add(send(client, "wait"));
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> calls().getInt("waiting") == WAITING_ROOM);

        for (int i = 0; i < BEYOND; i++) {
            Response refused = given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                    .contentType("application/json").body(body("refuse-me")).post("/v1/chat/completions");
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.jsonPath().getString("title")).isEqualTo("router busy");
            assertThat(refused.jsonPath().getString("detail")).contains(CAP + " calls in flight");
            assertThat(refused.header("X-OpenClaw-Error-Class")).as("not an upstream failure").isNull();
        }

        Map<Integer, Integer> outcomes = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> call : accepted) {
            outcomes.merge(call.get(120, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
        }
        assertThat(outcomes).as("the held and the waiting calls all answered")
                .containsExactly(Map.entry(200, CAP + WAITING_ROOM));
        assertThat(wireMock.findAll(FakeProviders.callsTo("openai").withRequestBody(containing("refuse-me"))))
                .as("a refused call never reaches the provider").isEmpty();
        assertThat(FakeProviders.count(wireMock, "openai")).isEqualTo(CAP + WAITING_ROOM);
        assertThat(calls().getLong("refused_total") - refusedBefore).as("refusals counted in the status").isEqualTo(BEYOND);
        assertThat(calls().getInt("now")).as("every place given back").isZero();
    }

    @Test
    void aBodyBeyondThePlatformCapIsRefusedBeforeItReachesTheRouter() {
        wireMock.resetAll();
        answer(wireMock, "openai", completion("gpt-4o-mini", "never", 5, 2));
        String huge = body("x".repeat(1024 * 1024 + 1));
        int status = given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .contentType("application/json").body(huge).post("/v1/chat/completions").statusCode();
        assertThat(status).isEqualTo(413);
        assertThat(FakeProviders.count(wireMock, "openai")).isZero();
    }

    private CompletableFuture<HttpResponse<String>> send(HttpClient client, String content) {
        HttpRequest request = HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body(content))).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String content) {
        return "{\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
    }

    private static io.restassured.path.json.JsonPath calls() {
        return given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).get("/v1/status")
                .then().statusCode(200).extract().jsonPath().setRootPath("router.calls_in_flight");
    }
}
