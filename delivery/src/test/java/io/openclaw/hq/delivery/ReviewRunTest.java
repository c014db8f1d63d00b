package io.openclaw.hq.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `review run` against the router faked at its REST edge with its own recorded answers. */
class ReviewRunTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    static final FakeRouter router = new FakeRouter();

    private JsonNode stored(Sandbox s, String head) {
        return Json.parse(Sandbox.read(s.clone.resolve(".hq/reviews/" + head + ".json")), "record");
    }

    @Test
    void approvedVerdictIsStoredWithProvenance() {
        Sandbox s = new Sandbox(tmp);
        String head = s.change("app.txt", "new\n");
        router.approves(s.root0, head);

        Sandbox.Outcome o = s.hqWithRouter(router, "review", "run");

        assertThat(o.exit()).as(o.all()).isZero();
        JsonNode record = stored(s, head);
        assertThat(record.path("verdict").asText()).isEqualTo("APPROVED");
        assertThat(record.path("since_sha").asText()).isEqualTo(s.root0);
        assertThat(record.path("to_sha").asText()).isEqualTo(head);
        assertThat(record.path("simulated").asBoolean(true)).isFalse();
        assertThat(record.path("provider").asText()).isEqualTo("openai");
        assertThat(record.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(record.path("fallback_used").asBoolean(true)).isFalse();
        assertThat(record.path("cost_usd").decimalValue()).isEqualByComparingTo("0.00132");
        assertThat(record.path("router").path("version").asText()).as("the router's build, as its /v1/status names it")
                .isEqualTo(io.openclaw.hq.testing.Contracts.load("llm-router-service", "status").body().path("router")
                        .path("version").asText())
                .contains("+");
        assertThat(record.path("router").path("review_gate").asText()).isEqualTo("fail-closed");
        assertThat(record.path("reviews")).hasSize(1);
        assertThat(ReviewRecordCheck.problems(record)).isEmpty();
        // the token travels in its header only; the bundle is the diff since the baseline
        router.server.verify(1, postRequestedFor(urlEqualTo("/v1/review")).withHeader(RouterClient.TOKEN_HEADER, equalTo(Sandbox.TOKEN))
                .withRequestBody(matchingJsonPath("$.sinceSha", equalTo(s.root0)))
                .withRequestBody(matchingJsonPath("$.toSha", equalTo(head)))
                .withRequestBody(matchingJsonPath("$.bundle", com.github.tomakehurst.wiremock.client.WireMock.containing("+new"))));
    }

    @Test
    void aRouterThatReportsNoVersionGivesNoVerdict() {
        Sandbox s = new Sandbox(tmp);
        String head = s.change("app.txt", "new\n");
        router.approves(s.root0, head);
        com.fasterxml.jackson.databind.node.ObjectNode status = (com.fasterxml.jackson.databind.node.ObjectNode)
                io.openclaw.hq.testing.Contracts.load("llm-router-service", "status").body().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) status.path("router")).remove("version");
        router.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/status")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(status.toString())));

        Sandbox.Outcome o = s.hqWithRouter(router, "review", "run");

        assertThat(o.exit()).as(o.all()).isEqualTo(1);
        assertThat(o.err()).contains("reports no version");
        assertThat(s.clone.resolve(".hq/reviews/" + head + ".json")).doesNotExist();
        router.server.verify(0, postRequestedFor(urlEqualTo("/v1/review")));
    }

    @Test
    void noReachableRouterMeansNoVerdictAndANonZeroExit() throws Exception {
        Sandbox s = new Sandbox(tmp);
        String head = s.change("app.txt", "new\n");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Sandbox.Outcome o = s.hq("review", "run", "--router", "http://127.0.0.1:" + closedPort);

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("no verdict, fail closed").contains("not reachable");
        assertThat(s.clone.resolve(".hq/reviews/" + head + ".json")).doesNotExist();
    }

    @Test
    void noReachableProviderMeansNoVerdictAndANonZeroExit() {
        Sandbox s = new Sandbox(tmp);
        String head = s.change("app.txt", "new\n");
        router.failsClosed();

        Sandbox.Outcome o = s.hqWithRouter(router, "review", "run");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("no verdict, fail closed: no provider answered").contains("HTTP 502 review failed closed")
                .contains("router run");
        assertThat(s.clone.resolve(".hq/reviews/" + head + ".json")).doesNotExist();
    }

    @Test
    void blockedVerdictIsStoredAndRefusedWithTheFailedGates() {
        Sandbox s = new Sandbox(tmp);
        String head = s.change("app.txt", "new\n");
        router.blocks(s.root0, head);

        Sandbox.Outcome o = s.hqWithRouter(router, "review", "run");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("BLOCKED").contains("public_binds");
        assertThat(stored(s, head).path("verdict").asText()).isEqualTo("BLOCKED");
    }

    @Test
    void anAnswerOutsideTheVerdictSchemaIsNoVerdict() {
        Sandbox s = new Sandbox(tmp);
        String head = s.change("app.txt", "new\n");
        ObjectNode verdict = FakeRouter.verdict("review-approved", s.root0, head);
        ((ObjectNode) verdict.path("gates")).remove("lockout_risk");
        router.answers(verdict);

        Sandbox.Outcome o = s.hqWithRouter(router, "review", "run");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("does not fit its verdict schema").contains("lockout_risk");
        assertThat(s.clone.resolve(".hq/reviews/" + head + ".json")).doesNotExist();
    }

    @Test
    void aVerdictForAnotherRangeIsNoVerdict() {
        Sandbox s = new Sandbox(tmp);
        String head = s.change("app.txt", "new\n");
        router.approves(s.root0, s.root0);

        Sandbox.Outcome o = s.hqWithRouter(router, "review", "run");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.err()).contains("not the range sent");
        assertThat(s.clone.resolve(".hq/reviews/" + head + ".json")).doesNotExist();
    }

    @Test
    void everyPacketIsReviewedAndTheRecordSaysSo() {
        Sandbox s = new Sandbox(tmp);
        s.change("a.txt", BundleTest.lines("a", 40));
        String head = s.change("b.txt", BundleTest.lines("b", 40));
        router.approves(s.root0, head);

        Sandbox.Outcome o = s.hqWithRouter(router, "review", "run", "--size-cap", "2048");

        assertThat(o.exit()).as(o.all()).isZero();
        JsonNode record = stored(s, head);
        int packets = record.path("bundle").path("packets").asInt();
        assertThat(record.path("bundle").path("mode").asText()).isEqualTo("packets");
        assertThat(packets).isGreaterThan(1);
        assertThat(router.reviewCalls()).isEqualTo(packets);
        assertThat(record.path("reviews")).hasSize(packets);
        // every packet is sent with the list of commits and files of the whole change
        router.server.findAll(postRequestedFor(urlEqualTo("/v1/review")))
                .forEach(r -> assertThat(r.getBodyAsString()).contains("ORB REVIEW PACKET").contains("a.txt").contains("b.txt"));
    }
}
