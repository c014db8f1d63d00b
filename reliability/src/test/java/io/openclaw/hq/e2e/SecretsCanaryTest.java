package io.openclaw.hq.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Secrets: every secret slot holds a known value (the suite's own, the test kit's canaries for
 * the slots it leaves empty, the generated database passwords). After a round of work where every
 * provider fails AND echoes what it was sent (its error text quotes the request's headers and
 * body, as real providers quote a rejected key), and after every earlier case of this module
 * (faults, crashes, hostile bodies), none of those values may appear in any answer the suite gives,
 * any service log, any artifact, any run record or any database row.
 */
@Order(90)
class SecretsCanaryTest {

    /** Phone numbers live in secret files but are addresses, not credentials: they are reported, not failed on. */
    static final Set<String> ADDRESSES = Set.of("twilio_from_number", "sms_allowlist");

    @Test
    void noSecretValueAppearsAnywhereAfterARunWithFailuresEverywhere() throws Exception {
        Suite suite = Suite.get();
        Map<String, String> secrets = secretValues(suite.secrets);
        Operator operator = Operator.loggedIn(suite);
        List<String> answers = new ArrayList<>();

        long[] echoedAnswers = {0};
        // every provider fails, quoting the request (headers with the keys, the form with Pushover's token) back
        StubMapping echo = suite.providers.server().stubFor(any(urlPathMatching("/(openai|mistral|moonshot|pushover|twilio)/.*"))
                .atPriority(1).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: {{request.headers.Authorization}} "
                                + "{{request.body}}\"},\"errors\":[\"invalid token {{request.body}}\"],\"status\":0,"
                                + "\"code\":20003,\"more_info\":\"{{request.headers.Authorization}}\"}")
                        .withTransformers("response-template")));
        try {
            for (String action : List.of("llm_doctor", "doctor", "soma_mirror", "soma_harvest", "soma_snapshot_home",
                    "sms_status", "journal", "ports", "timer", "artifacts", "soma_status")) {
                HttpResponse<String> answer = operator.exec(action);
                answers.add("exec " + action + ": " + answer.statusCode() + " " + answer.body());
                String runId = answer.statusCode() == 202 ? Operator.parse(answer.body()).path("runId").asText() : null;
                if (runId != null) {
                    String service = Operator.parse(answer.body()).path("service").asText();
                    if (!service.isEmpty() && suite.service(service) != null) {
                        Reliability.awaitEnded(suite, service, runId, Duration.ofSeconds(60));
                    }
                }
            }
            answers.add(chat(suite).body());
            answers.add(suite.backendPost("notify-service", "/alerts", "{\"checkId\":\"canary1x\",\"status\":\"FAIL\","
                    + "\"severity\":\"critical\",\"title\":\"canary\",\"message\":\"canary\",\"source\":\"reliability\"}").toString());
            Reliability.await("canary deliveries finished", Duration.ofSeconds(60), () -> Reliability.count(suite,
                    "SELECT count(*) FROM notify.deliveries WHERE check_id = 'canary1x' AND status <> 'sending'") == 2);
            // the test is only as good as the echo: the providers' answers really did carry secret values back
            long echoed = suite.providers.server().getAllServeEvents().stream()
                    .filter(e -> e.getStubMapping() != null && echo.getId().equals(e.getStubMapping().getId()))
                    .filter(e -> secrets.values().stream().anyMatch(v -> e.getResponse().getBodyAsString().contains(v)))
                    .count();
            assertThat(echoed).as("provider answers that quoted a secret back to the suite").isPositive();
            echoedAnswers[0] = echoed;
        } finally {
            suite.providers.server().removeStub(echo);
        }

        // what the suite answers: pages, API, every service's run feed, status and history
        for (String page : List.of("/", "/actions", "/runs", "/projects", "/artifacts", "/api/runs", "/api/audit/verify")) {
            answers.add(page + ": " + operator.page(page).body());
        }
        for (String service : Reliability.SERVICES) {
            JsonText.add(answers, suite, service, "/runs?limit=500");
        }
        for (String[] read : new String[][] {{"notify-service", "/status"}, {"notify-service", "/deliveries?limit=200"},
                {"llm-router-service", "/v1/status"}, {"llm-router-service", "/v1/spend"}, {"doctor-service", "/doctor/reports?limit=20"},
                {"doctor-service", "/guard/status"}, {"soma-sync-service", "/soma/status"}, {"soma-sync-service", "/soma/errors"},
                {"runner-service", "/jobs"}}) {
            JsonText.add(answers, suite, read[0], read[1]);
        }

        Map<String, List<String>> leaks = new LinkedHashMap<>();
        Map<String, List<String>> addresses = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            scan("answer " + answers.get(i).substring(0, Math.min(60, answers.get(i).length())), answers.get(i), secrets,
                    leaks, addresses);
        }
        int files = 0;
        for (Path root : List.of(suite.logs, suite.artifacts, suite.root.resolve("runner-work"))) {
            for (Path file : regularFiles(root)) {
                files++;
                scan(suite.root.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
                        secrets, leaks, addresses);
            }
        }
        int rows = 0;
        for (List<String> table : Reliability.rows(suite, "SELECT table_schema, table_name FROM information_schema.tables "
                + "WHERE table_schema IN ('gateway','llm_router','doctor','notify','soma_sync','runner') AND table_type = 'BASE TABLE'")) {
            String name = table.get(0) + "." + table.get(1);
            for (List<String> row : Reliability.rows(suite, "SELECT t::text FROM \"" + table.get(0) + "\".\"" + table.get(1) + "\" t")) {
                rows++;
                scan("row of " + name, row.get(0), secrets, leaks, addresses);
            }
        }
        Reliability.figure("secrets", "%d provider answers quoted secrets back; %d secret values searched in %d answers, "
                + "%d files (logs, artifacts, runner work), %d database rows: leaks %s; phone numbers seen in %s", echoedAnswers[0],
                secrets.size(),
                answers.size(), files, rows, leaks, addresses.keySet());
        assertThat(leaks).as("secret values found (slot -> where)").isEmpty();
    }

    private static void scan(String where, String text, Map<String, String> secrets, Map<String, List<String>> leaks,
            Map<String, List<String>> addresses) {
        if (text == null) {
            return;
        }
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            if (text.contains(secret.getValue())) {
                (ADDRESSES.contains(secret.getKey()) ? addresses : leaks).computeIfAbsent(secret.getKey(), k -> new ArrayList<>())
                        .add(where);
            }
        }
    }

    /** Every file in the suite's secrets directory is a slot; its value (first line) is what must not leak. */
    static Map<String, String> secretValues(Path dir) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Path file : regularFiles(dir)) {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.length() >= 8) {
                values.put(file.getFileName().toString(), value);
            }
        }
        assertThat(values).as("secret slots under %s", dir).hasSizeGreaterThan(10);
        return values;
    }

    private static List<Path> regularFiles(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> chat(Suite suite) {
        return Reliability.send(HttpRequest.newBuilder(URI.create(suite.url("llm-router-service") + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60)).header("X-HQ-Internal-Token", Suite.INTERNAL_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"canary\"}],\"max_tokens\":16}")).build());
    }

    /** A service's answer as text, whatever its status. */
    static final class JsonText {
        static void add(List<String> answers, Suite suite, String service, String path) {
            HttpResponse<String> answer = Reliability.send(HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                    .timeout(Duration.ofSeconds(30)).header("X-HQ-Internal-Token", Suite.INTERNAL_TOKEN)
                    .header("Accept", "application/json").build());
            answers.add(service + " " + path + " " + answer.statusCode() + ": " + answer.body());
        }
    }
}
