package io.openclaw.hq.llm;

import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.llm.service.CostRecorder;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A streamed call whose client hangs up is still settled: the run's reservation is closed at the
 * estimate (the provider's usage never arrived) and the ledger says {@code client_gone}. The client
 * is a raw socket reset mid-stream, as a browser tab or a killed agent would do it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class StreamClientGoneTest {

    private static final String STREAM_REQUEST = "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    private static final int CONTENT_CHUNKS = 200;
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(20);

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    AgroalDataSource db;

    @Inject
    ArtifactRoot artifacts;

    @TestHTTPResource("/")
    URL router;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
    }

    @Test
    void clientLeavingMidStreamSettlesAtTheEstimate() throws Exception {
        // usage comes only in the last chunk, after ~10 s of dribble: a row without tokens proves the
        // relay noticed the hang-up and stopped long before the stream's end
        answer(wireMock, "openai", slowStream().withChunkedDribbleDelay(CONTENT_CHUNKS, 10_000));
        String runId = FakeProviders.runId("gone-mid");

        try (Socket client = openStream(runId)) {
            String seen = readUntil(client.getInputStream(), "data: {");
            assertThat(seen).startsWith("HTTP/1.1 200").contains("text/event-stream");
            hangUp(client);
        }

        LedgerRow row = await().atMost(SETTLED_WITHIN).until(() -> ledgerRow(runId), Optional::isPresent).get();
        assertSettledAsClientGone(runId, row);
        assertThat(row.promptTokens()).as("the final usage chunk was never read").isNull();
    }

    @Test
    void clientLeavingBeforeTheFirstUpstreamByteIsStillSettled() throws Exception {
        answer(wireMock, "openai", slowStream().withFixedDelay(1500));
        String runId = FakeProviders.runId("gone-early");

        try (Socket client = openStream(runId)) {
            // the router has reserved and is now waiting for the upstream's headers
            await().atMost(SETTLED_WITHIN).until(() -> count(wireMock, "openai") == 1);
            assertThat(reservationStates(runId)).containsExactly("reserved");
            hangUp(client);
        }

        LedgerRow row = await().atMost(SETTLED_WITHIN).until(() -> ledgerRow(runId), Optional::isPresent).get();
        assertSettledAsClientGone(runId, row);
    }

    private void assertSettledAsClientGone(String runId, LedgerRow row) throws SQLException {
        assertThat(row.outcome()).isEqualTo("client_gone");
        assertThat(row.stream()).isTrue();
        assertThat(row.estimatedUsd()).isPositive();
        assertThat(row.actualUsd()).as("no usage seen: billed at the estimate").isEqualByComparingTo(row.estimatedUsd());
        assertThat(reservationStates(runId)).as("the one reservation is closed").containsExactly("settled");
        BigDecimal[] budget = runBudget(runId);
        assertThat(budget[0]).as("nothing left reserved").isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(budget[1]).as("spent = what the ledger billed").isEqualByComparingTo(row.actualUsd());
        JsonNode line = await().atMost(SETTLED_WITHIN).until(() -> telemetryLine(runId), Optional::isPresent).get();
        assertThat(line.path("outcome").asText()).isEqualTo("client_gone");
        assertThat(line.path("actual_usd").decimalValue()).isEqualByComparingTo(row.actualUsd());
    }

    /** The call's line in the chat telemetry, whichever UTC day folder it landed in. */
    private Optional<JsonNode> telemetryLine(String runId) throws IOException {
        Path chat = artifacts.resolve("llm-router/chat");
        if (!Files.isDirectory(chat)) {
            return Optional.empty();
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(chat)) {
            for (Path file : files.filter(f -> f.endsWith(CostRecorder.TELEMETRY_FILE)).toList()) {
                for (String text : Files.readAllLines(file)) {
                    // the writer may be appending right now: only whole lines that name the run count
                    if (text.contains(runId) && text.endsWith("}")) {
                        return Optional.of(json.readTree(text));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** 200 content chunks, then the usage chunk, then [DONE], as OpenAI streams with include_usage. */
    private static ResponseDefinitionBuilder slowStream() {
        StringBuilder sse = new StringBuilder();
        for (int i = 0; i < CONTENT_CHUNKS; i++) {
            sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,")
                    .append("\"delta\":{\"content\":\"tok").append(i).append(" \"}}]}\n\n");
        }
        sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],")
                .append("\"usage\":{\"prompt_tokens\":2000,\"completion_tokens\":1000}}\n\n");
        sse.append("data: [DONE]\n\n");
        return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(sse.toString());
    }

    /** A real HTTP/1.1 client on a socket we can reset whenever we like. */
    private Socket openStream(String runId) throws IOException {
        byte[] body = STREAM_REQUEST.getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/chat/completions HTTP/1.1\r\n"
                + "Host: " + router.getHost() + ":" + router.getPort() + "\r\n"
                + FakeProviders.TOKEN_HEADER + ": " + CanarySecrets.INTERNAL_TOKEN + "\r\n"
                + "X-OpenClaw-Run-Id: " + runId + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: text/event-stream\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        Socket socket = new Socket(router.getHost(), router.getPort());
        socket.setSoTimeout((int) SETTLED_WITHIN.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        while (!seen.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("connection ended before '" + marker + "': " + seen.toString(StandardCharsets.UTF_8));
            }
            seen.write(buffer, 0, n);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    /** Linger 0: the close sends a TCP reset, the way a killed process leaves. */
    private static void hangUp(Socket client) throws IOException {
        client.setSoLinger(true, 0);
        client.close();
    }

    private record LedgerRow(String outcome, boolean stream, BigDecimal estimatedUsd, BigDecimal actualUsd, Long promptTokens) {
    }

    private Optional<LedgerRow> ledgerRow(String runId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT outcome, stream, estimated_usd, actual_usd, prompt_tokens FROM cost_ledger WHERE caller_run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LedgerRow row = new LedgerRow(rs.getString(1), rs.getBoolean(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getObject(5, Long.class));
                assertThat(rs.next()).as("one ledger row per call").isFalse();
                return Optional.of(row);
            }
        }
    }

    private List<String> reservationStates(String runId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT state FROM budget_reservations WHERE run_id = ? ORDER BY id")) {
            s.setString(1, runId);
            List<String> states = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.add(rs.getString(1));
                }
            }
            return states;
        }
    }

    /** {reserved_usd, spent_usd} of the run. */
    private BigDecimal[] runBudget(String runId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT reserved_usd, spent_usd FROM run_budgets WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("run budget of " + runId).isTrue();
                return new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)};
            }
        }
    }
}
