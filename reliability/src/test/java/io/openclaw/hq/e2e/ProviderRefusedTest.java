package io.openclaw.hq.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Providers, the last fault of the matrix: the provider's host refuses the connection (nothing
 * listens on the port). The suite's one WireMock cannot be closed and reopened on its port mid-run,
 * so each owning service is restarted pointed at a closed loopback port for the case, then started
 * again as the suite started it and shown to work. Nothing reaches a provider, so the count is
 * taken on our side: the router's answer and record, notify's delivery rows and the time its two
 * retries take (500 ms + 1 s backoff, docs/notify-service.md), soma's run.
 */
@Order(55)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderRefusedTest {

    @Test
    @Order(1)
    void openAiAndMistralRefusingAnswerAsANetworkFailureAndTheReviewFailsClosed() throws IOException {
        Suite suite = Suite.get();
        String closed = closedPortUrl();
        Path refusedConfig = copyOfConfigWith(suite, Map.of(
                suite.providers.url() + "/openai/v1", closed + "/openai/v1",
                suite.providers.url() + "/mistral/v1", closed + "/mistral/v1"));
        suite.kill("llm-router-service");
        try {
            suite.startAgainWith("llm-router-service", Map.of("OPENCLAW_CONFIG_DIR", refusedConfig.toString()));

            HttpResponse<String> general = chat(suite, "general");
            assertThat(general.statusCode()).as("OpenAI refused: %s", general.body()).isEqualTo(504);
            assertThat(general.headers().firstValue("X-OpenClaw-Error-Class")).contains("transient_network");

            HttpResponse<String> review = chat(suite, "review");
            assertThat(review.statusCode()).as("OpenAI and Mistral refused, review: %s", review.body()).isEqualTo(502);
            assertThat(review.body()).contains("review failed closed");

            Operator operator = Operator.loggedIn(suite);
            HttpResponse<String> started = operator.exec("llm_doctor");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode run = Reliability.awaitEnded(suite, "llm-router-service",
                    Operator.parse(started.body()).path("runId").asText(), Duration.ofSeconds(60));
            assertThat(run.path("status").asText()).as("provider doctor run %s", run).isEqualTo("failure");
            assertThat(run.path("summary").asText()).contains("openai DOWN").contains("mistral DOWN");

            Reliability.figure("providers/openai+mistral refused", "chat -> %d %s; review -> %d \"review failed closed\"; "
                    + "LLM provider doctor via HQ -> %s: %s", general.statusCode(),
                    general.headers().firstValue("X-OpenClaw-Error-Class").orElse("-"), review.statusCode(),
                    run.path("status").asText(), run.path("summary").asText());
        } finally {
            suite.kill("llm-router-service");
            suite.startAgain("llm-router-service");
        }
        HttpResponse<String> again = chat(suite, "general");
        assertThat(again.statusCode()).as("the router as the suite started it: %s", again.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void pushoverAndTwilioRefusingAreRecordedFailedAfterTwoRetries() {
        Suite suite = Suite.get();
        String closed = closedPortUrl();
        suite.kill("notify-service");
        String check = ProviderFaultsTest.marker();
        try {
            suite.startAgainWith("notify-service", Map.of("QUARKUS_REST_CLIENT_PUSHOVER_URL", closed + "/pushover",
                    "NOTIFY_TWILIO_API_BASE_URL", closed + "/twilio"));
            ProviderFaultsTest.alert(suite, check);
            Reliability.await("deliveries of " + check + " finished", Duration.ofSeconds(60), () -> Reliability.count(suite,
                    "SELECT count(*) FROM notify.deliveries WHERE check_id = '" + check + "' AND status <> 'sending'") == 2);
            List<List<String>> deliveries = Reliability.rows(suite, "SELECT channel, status, coalesce(provider_status::text, '-'), "
                    + "extract(epoch FROM finished_at - created_at) * 1000, coalesce(error, '') FROM notify.deliveries "
                    + "WHERE check_id = '" + check + "' ORDER BY channel");
            Reliability.figure("providers/pushover+twilio refused", "alert -> %s", deliveries);
            for (List<String> delivery : deliveries) {
                assertThat(delivery.get(1)).as("%s delivery with its provider refusing: %s", delivery.get(0), delivery)
                        .isEqualTo("failed");
                assertThat(delivery.get(2)).as("no provider answered").isEqualTo("-");
                assertThat(delivery.get(4)).as("the recorded error").contains("unavailable after retries").contains("ConnectException");
                // three attempts: 500 ms, then 1 s of backoff between them; an open breaker or no retry is at once
                assertThat(Double.parseDouble(delivery.get(3))).as("%s delivery time (two retries)", delivery.get(0))
                        .isBetween(1_400.0, 30_000.0);
            }
        } finally {
            suite.kill("notify-service");
            suite.startAgain("notify-service");
        }
        String good = ProviderFaultsTest.marker();
        ProviderFaultsTest.alert(suite, good);
        Reliability.await("deliveries of " + good + " sent", Duration.ofSeconds(60), () -> Reliability.count(suite,
                "SELECT count(*) FROM notify.deliveries WHERE check_id = '" + good + "' AND status = 'sent'") == 2);
    }

    @Test
    @Order(3)
    void kajabiRefusingFailsTheSnapshotSayingWhichRequest() {
        Suite suite = Suite.get();
        String closed = closedPortUrl();
        long snapshotsBefore = Reliability.count(suite, "SELECT count(*) FROM soma_sync.soma_snapshots");
        suite.kill("soma-sync-service");
        try {
            suite.startAgainWith("soma-sync-service", Map.of("SOMA_KAJABI_BASE_URL", closed));
            Operator operator = Operator.loggedIn(suite);
            HttpResponse<String> answer = operator.exec("soma_snapshot_home");
            assertThat(answer.statusCode()).as("HQ's answer: %s", answer.body()).isEqualTo(202);
            JsonNode run = Reliability.awaitEnded(suite, "soma-sync-service",
                    Operator.parse(answer.body()).path("runId").asText(), Duration.ofSeconds(60));
            Reliability.figure("providers/kajabi refused", "snapshot via HQ -> %s \"%s\"", run.path("status").asText(),
                    run.path("error").asText());
            assertThat(run.path("status").asText()).as("snapshot with Kajabi refusing: %s", run).isEqualTo("failure");
            assertThat(run.path("error").asText()).contains("Kajabi request").contains("failed");
            assertThat(Reliability.count(suite, "SELECT count(*) FROM soma_sync.soma_snapshots"))
                    .as("no snapshot recorded from a refused connection").isEqualTo(snapshotsBefore);
        } finally {
            suite.kill("soma-sync-service");
            suite.startAgain("soma-sync-service");
        }
    }

    /** A loopback URL on which nothing listens: the port was free a moment ago and is closed again. */
    private static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the suite's config directory with some text replaced in every file, for one restart. */
    private static Path copyOfConfigWith(Suite suite, Map<String, String> replacements) throws IOException {
        Path copy = suite.root.resolve("config-refused");
        Suite.deleteTree(copy);
        try (Stream<Path> files = Files.walk(suite.config)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(suite.config.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    continue;
                }
                String text = Files.readString(source);
                for (Map.Entry<String, String> r : replacements.entrySet()) {
                    text = text.replace(r.getKey(), r.getValue());
                }
                Files.writeString(target, text);
            }
        }
        return copy;
    }

    private static HttpResponse<String> chat(Suite suite, String purpose) {
        return ProviderFaultsTest.chat(suite, ProviderFaultsTest.marker(), false, purpose);
    }
}
