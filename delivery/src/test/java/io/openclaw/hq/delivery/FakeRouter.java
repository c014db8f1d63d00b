package io.openclaw.hq.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.openclaw.hq.testing.Contracts;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * llm-router-service faked at its REST edge: every body is one the real router answered, recorded
 * by its own tests (contracts/llm-router-service/review-*.json, status.json), with only the range
 * changed to the one the test reviews, as the real router echoes it. Registered as a JUnit extension
 * ({@code @RegisterExtension static final FakeRouter router = new FakeRouter();}): one server per test
 * class, its stubs forgotten before each test, stopped after the class.
 */
final class FakeRouter implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    static final String SERVICE = "llm-router-service";
    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    FakeRouter() {
        server.start();
        reset();
    }

    /** Forgets every stub and request but the recorded /v1/status answer. */
    void reset() {
        server.resetAll();
        server.stubFor(get(urlEqualTo("/v1/status")).withHeader(RouterClient.TOKEN_HEADER, equalTo(Sandbox.TOKEN))
                .willReturn(json(200, Contracts.load(SERVICE, "status").bodyJson())));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The recorded verdict named {@code contract} (review-approved, review-blocked) for since..to. */
    static ObjectNode verdict(String contract, String since, String to) {
        ObjectNode body = (ObjectNode) Contracts.load(SERVICE, contract).body().deepCopy();
        ((ObjectNode) body.path("meta")).put("since_sha", since).put("to_sha", to);
        return body;
    }

    void answers(ObjectNode verdict) {
        server.stubFor(review().willReturn(json(200, Json.compact(verdict))));
    }

    void approves(String since, String to) {
        answers(verdict("review-approved", since, to));
    }

    void blocks(String since, String to) {
        answers(verdict("review-blocked", since, to));
    }

    /** What the router answers when neither OpenAI nor the Mistral fallback can be reached. */
    void failsClosed() {
        Contracts.Contract c = Contracts.load(SERVICE, "review-failed-closed");
        server.stubFor(review().willReturn(json(c.status(), c.bodyJson())));
    }

    int reviewCalls() {
        return server.findAll(postRequestedFor(urlEqualTo("/v1/review"))).size();
    }

    private static MappingBuilder review() {
        return post(urlEqualTo("/v1/review")).withHeader(RouterClient.TOKEN_HEADER, equalTo(Sandbox.TOKEN));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
