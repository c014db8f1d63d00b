package io.openclaw.hq.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Providers, continued: Kajabi and Gmail as soma-sync-service meets them, each action pressed
 * through HQ ({@code POST /api/exec}). The fake Kajabi (the suite's WireMock, where suite.canaries
 * points soma's Kajabi base URL) first serves a small Home library for one good snapshot; then
 * each fault on the lessons request must end the run {@code failure} with the error
 * docs/soma-sync-service.md names, after the documented number of calls (429: the first call and
 * {@code maxThrottledRetries} = 5 retries; anything else: one call, no retry), and leave the
 * previous good snapshot the last good one, its file unchanged on disk. Gmail: the suite's
 * refusing port (unreachable), then a GreenMail that refuses soma's login (soma restarted
 * pointed at it, then back).
 */
@Order(50)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SomaProviderFaultsTest {

    /** config/soma.json's Home product, as the suite copies it. */
    static final String HOME_PRODUCT = "CHANGE_ME_HOME";
    static final String LESSONS = "/v1/courses/c-home/lessons";
    /** suite.soma.kajabiTimeoutSeconds in reliability/pom.xml plus a margin. */
    static final int SLOWER_THAN_KAJABI_TIMEOUT_MS = (Integer.getInteger("suite.soma.kajabiTimeoutSeconds", 4) + 3) * 1000;

    static final List<StubMapping> LIBRARY = new ArrayList<>();

    @AfterAll
    static void stopPlayingKajabi() {
        // later cases (crashes, the canary scan) expect a Kajabi the fakes do not play
        LIBRARY.forEach(Suite.get().providers.server()::removeStub);
        LIBRARY.clear();
    }

    @Test
    @Order(1)
    void kajabiFaultsFailTheSnapshotAsDocumentedAndKeepThePreviousGoodOne() {
        Suite suite = Suite.get();
        Operator operator = Operator.loggedIn(suite);
        playHomeLibrary(suite);

        JsonNode good = snapshot(suite, operator);
        assertThat(good.path("status").asText()).as("the good snapshot before the faults: %s", good).isEqualTo("success");
        List<String> lastGood = lastGoodHome(suite);
        assertThat(lastGood.get(0)).isEqualTo(good.path("id").asText());
        String fileSha = sha256(suite.artifacts.resolve(lastGood.get(2)));
        assertThat(fileSha).as("the last good snapshot's file").isEqualTo(lastGood.get(1));

        Map<String, ResponseDefinitionBuilder> faults = new LinkedHashMap<>();
        faults.put("429 with Retry-After", kajabiError(429).withHeader("Retry-After", "1"));
        faults.put("429 without Retry-After", kajabiError(429));
        for (int status = 500; status <= 504; status++) {
            faults.put(String.valueOf(status), kajabiError(status));
        }
        faults.put("reset mid-body", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        faults.put("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        faults.put("timeout", aResponse().withFixedDelay(SLOWER_THAN_KAJABI_TIMEOUT_MS).withStatus(200)
                .withHeader("Content-Type", "application/vnd.api+json").withBody(lessonsBody()));
        String full = lessonsBody();
        faults.put("truncated body", aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json")
                .withBody(full.substring(0, full.length() / 2)));

        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, ResponseDefinitionBuilder> fault : faults.entrySet()) {
            StubMapping stub = suite.providers.server().stubFor(get(urlPathEqualTo(LESSONS)).atPriority(1)
                    .willReturn(fault.getValue()));
            int before = suite.providers.requestsTo(LESSONS).size();
            long started = System.nanoTime();
            JsonNode run;
            try {
                run = snapshot(suite, operator);
            } finally {
                suite.providers.server().removeStub(stub);
            }
            long seconds = Math.round((System.nanoTime() - started) / 1e9);
            int calls = suite.providers.requestsTo(LESSONS).size() - before;
            String error = run.path("error").asText();
            rows.add(fault.getKey() + " -> " + run.path("status").asText() + " \"" + error + "\", " + calls + " call(s), "
                    + seconds + " s");
            assertThat(run.path("status").asText()).as("run of %s: %s", fault.getKey(), run).isEqualTo("failure");
            assertThat(error).as("error of %s", fault.getKey()).contains(expectedError(fault.getKey()));
            assertThat(calls).as("calls to Kajabi's lessons for %s", fault.getKey())
                    .isEqualTo(fault.getKey().startsWith("429") ? 6 : 1);
            assertThat(lastGoodHome(suite)).as("the last good snapshot after %s", fault.getKey()).isEqualTo(lastGood);
            assertThat(sha256(suite.artifacts.resolve(lastGood.get(2)))).as("its file after %s", fault.getKey()).isEqualTo(fileSha);
        }
        HttpResponse<String> page = operator.page("/soma");
        assertThat(page.statusCode()).as("HQ's Soma page after the faults: %s", page.body()).isEqualTo(200);
        Reliability.figure("providers/kajabi snapshot via HQ", "%s", String.join("; ", rows));
    }

    @Test
    @Order(2)
    void gmailUnreachableFailsTheHarvestSayingSo() {
        Suite suite = Suite.get();
        Operator operator = Operator.loggedIn(suite);
        JsonNode run = harvest(suite, operator);
        assertThat(run.path("status").asText()).as("harvest with Gmail unreachable: %s", run).isEqualTo("failure");
        assertThat(run.path("error").asText()).contains("cannot reach the IMAP server 127.0.0.1:1");
        assertThat(Reliability.count(suite, "SELECT count(*) FROM soma_sync.soma_harvest_state"))
                .as("no high-water mark from a failed harvest").isZero();
        Reliability.figure("providers/gmail unreachable via HQ", "harvest -> %s \"%s\"", run.path("status").asText(),
                run.path("error").asText());
    }

    @Test
    @Order(3)
    void gmailRefusingTheLoginFailsTheHarvestNamingTheSecrets() throws IOException {
        Suite suite = Suite.get();
        GreenMail mailbox = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        mailbox.start();
        try {
            // soma's Gmail address, with a password that is not the app password in soma's secret slot
            String user = Files.readString(suite.secrets.resolve("gmail_user")).strip();
            mailbox.setUser(user, user, "not-the-stored-app-password");
            suite.kill("soma-sync-service");
            suite.startAgainWith("soma-sync-service", Map.of("SOMA_GMAIL_PORT", String.valueOf(mailbox.getImap().getPort())));
            Operator operator = Operator.loggedIn(suite);
            JsonNode run = harvest(suite, operator);
            assertThat(run.path("status").asText()).as("harvest with the login refused: %s", run).isEqualTo("failure");
            assertThat(run.path("error").asText()).contains("the IMAP server refused the login")
                    .contains("gmail_user").contains("gmail_app_password");
            assertThat(Reliability.count(suite, "SELECT count(*) FROM soma_sync.soma_harvest_state"))
                    .as("no high-water mark from a refused login").isZero();
            Reliability.figure("providers/gmail login refused via HQ", "harvest -> %s \"%s\"", run.path("status").asText(),
                    run.path("error").asText());
        } finally {
            suite.kill("soma-sync-service");
            suite.startAgain("soma-sync-service");
            mailbox.stop();
        }
    }

    /** docs/soma-sync-service.md, "Snapshot" step 3 and the troubleshooting table. */
    static String expectedError(String fault) {
        if (fault.startsWith("429")) {
            return "Kajabi kept answering 429 to GET " + LESSONS;
        }
        if (fault.matches("50[0-4]")) {
            return "Kajabi answered HTTP " + fault + " to GET " + LESSONS;
        }
        if (fault.equals("truncated body")) {
            return "Kajabi answer malformed at";
        }
        return "Kajabi request GET " + LESSONS;
    }

    private static JsonNode snapshot(Suite suite, Operator operator) {
        return pressAndAwait(suite, operator, "soma_snapshot_home");
    }

    private static JsonNode harvest(Suite suite, Operator operator) {
        return pressAndAwait(suite, operator, "soma_harvest");
    }

    /** The action through HQ (202, never a 5xx), then soma's run once it ended. */
    private static JsonNode pressAndAwait(Suite suite, Operator operator, String action) {
        HttpResponse<String> answer = operator.exec(action);
        for (int i = 0; i < 60 && answer.statusCode() == 409; i++) {
            Reliability.pause(500);
            answer = operator.exec(action);
        }
        assertThat(answer.statusCode()).as("HQ's answer to %s: %s", action, answer.body()).isEqualTo(202);
        String runId = Operator.parse(answer.body()).path("runId").asText();
        return Reliability.awaitEnded(suite, "soma-sync-service", runId, Duration.ofSeconds(120));
    }

    /** run id, SHA-256 and path of Home's last good snapshot (soma's own record). */
    private static List<String> lastGoodHome(Suite suite) {
        List<List<String>> rows = Reliability.rows(suite, "SELECT run_id, snapshot_sha256, snapshot_path FROM "
                + "soma_sync.soma_snapshots WHERE product_slug = 'home' ORDER BY taken_at DESC LIMIT 1");
        assertThat(rows).as("Home's last good snapshot").hasSize(1);
        return rows.get(0);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kajabi's token endpoint and a one-course, one-lesson Home library in JSON:API, below the faults' priority. */
    private static void playHomeLibrary(Suite suite) {
        LIBRARY.add(suite.providers.server().stubFor(post(urlPathEqualTo("/v1/oauth/token")).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"rel-kajabi-access\",\"token_type\":\"Bearer\",\"expires_in\":7200}"))));
        LIBRARY.add(suite.providers.server().stubFor(get(urlPathEqualTo("/v1/courses")).atPriority(5)
                .withQueryParam("filter[product_id]", equalTo(HOME_PRODUCT))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json").withBody("""
                        {"data":[{"id":"c-home","type":"courses","attributes":{"title":"Course home"},
                          "relationships":{"modules":{"data":[{"type":"modules","id":"m-1"}]}}}],
                         "included":[{"id":"m-1","type":"modules","attributes":{"title":"Basics","position":1,"published":true}}],
                         "links":{"next":null}}"""))));
        LIBRARY.add(suite.providers.server().stubFor(get(urlPathEqualTo(LESSONS)).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody(lessonsBody()))));
    }

    private static String lessonsBody() {
        return """
                {"data":[{"id":"l-1","type":"lessons","attributes":{"title":"Breathing","position":1,"published":true},
                  "relationships":{"module":{"data":{"type":"modules","id":"m-1"}},"media":{"data":[{"type":"media","id":"x-1"}]}}},
                 {"id":"l-2","type":"lessons","attributes":{"title":"Posture","position":2,"published":true},
                  "relationships":{"module":{"data":{"type":"modules","id":"m-1"}},"media":{"data":[]}}}],
                 "included":[{"id":"x-1","type":"media","attributes":{"kind":"video","filename":"breathing.mp4","duration_seconds":61}}],
                 "links":{"next":null}}""";
    }

    private static ResponseDefinitionBuilder kajabiError(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/vnd.api+json")
                .withBody("{\"errors\":[{\"status\":\"" + status + "\",\"title\":\"error " + status + "\"}]}");
    }
}
