package io.openclaw.hq.llm;

import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.completion;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many calls at once, each with a large answer that arrives in many TCP segments: every caller
 * gets its whole answer, on both ways through the router (the event loop for plain chat, a worker
 * thread for a call against a run's budget). A body handler attached too late loses data only
 * under concurrency, so this is where it would show.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class WholeAnswersTest {

    private static final int CALLS = 300;
    private static final String LONG_ANSWER = "0123456789abcdef".repeat(4096);

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @ParameterizedTest(name = "through a run budget: {0}")
    @ValueSource(booleans = {false, true})
    void everyConcurrentCallerGetsItsWholeAnswer(boolean budgeted) throws Exception {
        wireMock.resetAll();
        answer(wireMock, "openai", completion("gpt-4o-mini", LONG_ANSWER, 5, 16));
        ExecutorService callers = Executors.newFixedThreadPool(32);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < CALLS; i++) {
                String runId = budgeted ? FakeProviders.runId("whole" + i) : null;
                outcomes.add(callers.submit(() -> outcome(runId)));
            }
            Map<String, Integer> tally = new TreeMap<>();
            for (Future<String> outcome : outcomes) {
                tally.merge(outcome.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertThat(tally).as("outcome of each of %d calls", CALLS).containsExactly(Map.entry("whole", CALLS));
        } finally {
            callers.shutdownNow();
        }
    }

    private static String outcome(String runId) {
        var request = given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN).contentType("application/json")
                .body("{\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
        if (runId != null) {
            request.header("X-OpenClaw-Run-Id", runId);
        }
        Response response = request.post("/v1/chat/completions");
        if (response.statusCode() != 200) {
            return response.statusCode() + " " + response.asString();
        }
        String content = response.jsonPath().getString("choices[0].message.content");
        return LONG_ANSWER.equals(content) ? "whole" : "cut to " + (content == null ? 0 : content.length());
    }
}
