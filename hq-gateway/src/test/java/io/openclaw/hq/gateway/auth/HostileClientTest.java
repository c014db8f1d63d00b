package io.openclaw.hq.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile client tried against the gateway (issue 11), each answered as docs/hq-gateway.md
 * "Security: what a hostile client meets" says. Plain {@code given()} comes from 127.0.0.1, a
 * loopback client as in local mode, which no proxy setting trusts.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class HostileClientTest {

    static final int LIMIT = 10; // gateway.login.max-failures-per-minute

    @Inject
    LoginThrottle throttle;

    @Inject
    io.openclaw.hq.gateway.audit.UnauthenticatedRefusals refusals;

    @BeforeEach
    void backends() {
        Stubs.allUp(BackendsWireMockResource.server());
    }

    @AfterEach
    void forgetFailures() {
        // the attacks below come from the address every other test uses too
        throttle.forgetAll();
        // and they fill this minute's sample of fully audited refusals, which later classes may look for
        refusals.sealBefore(java.time.Instant.now().plus(2, java.time.temporal.ChronoUnit.MINUTES));
    }

    // ---- 1. throttle key and identity -------------------------------------------------------

    @Test
    void rotatingXForwardedForDoesNotEscapeTheLoginThrottle() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(given().header("X-Forwarded-For", "203.0.113." + i).header("Origin", Hq.origin())
                    .formParam("token", "guess-" + i).post("/login").statusCode());
        }
        assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
        assertThat(statuses.subList(LIMIT, 60)).as("throttled once the limit is reached").containsOnly(429);
        given().header("X-Forwarded-For", "198.51.100.1").header("Origin", Hq.origin())
                .formParam("token", CanarySecrets.CONSOLE_TOKEN).post("/login").then().statusCode(429);
    }

    @Test
    void rotatingTailscaleUserLoginDoesNotEscapeTheThrottleNorNameAnyone() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(given().header("Tailscale-User-Login", "rotating-" + i + "@example.com")
                    .header("X-OpenClaw-Token", "wrong-token-" + i).get("/api/runs").statusCode());
        }
        assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
        assertThat(statuses.subList(LIMIT, 60)).containsOnly(429);
        String audit = ClientAddress.from("127.0.0.9").header("X-OpenClaw-Token", CanarySecrets.CONSOLE_TOKEN)
                .get("/api/audit?limit=1000").asString();
        assertThat(audit).as("a person the client named itself never lands in the audit log").doesNotContain("rotating-");
    }

    @Test
    void behindTheTrustedProxyOnlyTheAddressItAppendedCounts() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3 * LIMIT; i++) {
            // the client wrote the first entry; Serve appended the address it came from
            statuses.add(ClientAddress.viaServe().header("X-Forwarded-For", "203.0.113." + i + ", 100.64.0.9")
                    .header("Origin", Hq.origin()).formParam("token", "guess-" + i).post("/login").statusCode());
        }
        assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
        assertThat(statuses.subList(LIMIT, 3 * LIMIT)).containsOnly(429);
        // another tailnet address behind the same proxy is somebody else
        ClientAddress.viaServe().header("X-Forwarded-For", "100.64.0.10").header("Origin", Hq.origin())
                .formParam("token", "guess").post("/login").then().statusCode(401);
        List<Map<String, Object>> audit = Hq.api().get("/api/audit?limit=200").jsonPath().getList("$");
        assertThat(audit).anyMatch(e -> "ip:100.64.0.9".equals(e.get("client")));
        assertThat(audit).noneMatch(e -> String.valueOf(e.get("client")).contains("203.0.113"));
    }

    @Test
    void theTrustedProxyNamesThePerson() {
        ClientAddress.viaServe().header("Tailscale-User-Login", "operator@example.com").header("Origin", Hq.origin())
                .formParam("token", CanarySecrets.CONSOLE_TOKEN).redirects().follow(false).post("/login")
                .then().statusCode(303);
        List<Map<String, Object>> audit = Hq.api().get("/api/audit?limit=3").jsonPath().getList("$");
        assertThat(audit).anyMatch(e -> "login".equals(e.get("event")) && "operator@example.com".equals(e.get("person")));
        // the same header straight from a client is not believed
        given().header("Tailscale-User-Login", "operator@example.com").header("Origin", Hq.origin())
                .formParam("token", CanarySecrets.CONSOLE_TOKEN).redirects().follow(false).post("/login")
                .then().statusCode(303);
        Map<String, Object> latest = Hq.api().get("/api/audit?limit=1").jsonPath().getMap("[0]");
        assertThat(latest.get("event")).isEqualTo("login");
        assertThat(latest.get("person")).isNull();
        assertThat(latest.get("client")).isEqualTo("ip:127.0.0.1");
    }

    // ---- 3. bad text, duplicate keys, parameters, bodies -------------------------------------

    @ParameterizedTest(name = "control character U+{0} in a header → 400")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0000", "0001", "001b", "007f"})
    void aControlCharacterInAHeaderIs400NeverA500(String hex) throws Exception {
        char bad = (char) Integer.parseInt(hex, 16);
        // raw bytes on the wire from the trusted proxy's address: no client library gets to clean them up.
        // The HTTP layer refuses most of them itself; whatever gets through is refused by the gateway.
        String answer = raw(ClientAddress.SERVE, "GET /api/runs HTTP/1.1\r\nHost: localhost:" + RestAssured.port
                + "\r\nTailscale-User-Login: bad" + bad + "person@example.com\r\nX-OpenClaw-Token: wrong-token-ctl\r\n"
                + "Accept: application/json\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        if (answer.contains("\"detail\"")) {
            assertThat(answer).contains("Tailscale-User-Login");
        }
    }

    @Test
    void aNulThatAJaxRsPathParameterWouldCarryIntoTheAuditLogIs400AndAudited() {
        // /actions/{action} audits the action it was asked for: a decoded NUL must not get that far.
        // From its own address, so this minute's sample of refusals is not already full.
        Response answer = ClientAddress.from("127.0.0.11").header("X-OpenClaw-Token", CanarySecrets.CONSOLE_TOKEN)
                .urlEncodingEnabled(false).post("/actions/doc%00tor");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("detail")).contains("path").contains("NUL");
        // audited in full, or (when other tests filled this minute's sample) counted in a sealed summary
        java.time.Instant asked = java.time.Instant.now().minusSeconds(1);
        refusals.sealBefore(java.time.Instant.now().plus(2, java.time.temporal.ChronoUnit.MINUTES));
        List<Map<String, Object>> audit = Hq.api().get("/api/audit?limit=300").jsonPath().getList("$");
        assertThat(audit).anyMatch(e -> ("request.refused".equals(e.get("event")) && "ip:127.0.0.11".equals(e.get("client"))
                && String.valueOf(e.get("detail")).contains("/actions/doc%00tor"))
                || ("audit.refusals".equals(e.get("event")) && String.valueOf(e.get("detail")).contains("request.refused/refused")
                        && java.time.Instant.parse(String.valueOf(e.get("at"))).isAfter(asked)));
        Hq.api().get("/api/audit/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
    }

    private static String raw(String from, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(from, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<Arguments> badPaths() {
        return Stream.of(
                Arguments.of("/api/runs/a%00b?service=doctor-service", "path"),
                Arguments.of("/api/runs/%C3%28?service=doctor-service", "path"),
                Arguments.of("/api/runs?project=%00", "query"),
                Arguments.of("/api/runs?project=%FF%FE", "query"),
                Arguments.of("/api/runs?project=%C0%AF", "query"));
    }

    @ParameterizedTest(name = "{0} → 400 naming the {1}")
    @MethodSource("badPaths")
    void nulOrInvalidUtf8InThePathOrQueryIs400(String path, String part) {
        Response answer = Hq.api().urlEncodingEnabled(false).get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        assertThat(answer.jsonPath().getString("detail")).as(path).contains(part);
    }

    static Stream<Arguments> badJson() {
        return Stream.of(
                Arguments.of("duplicate key", "{\"action\":\"doctor\",\"action\":\"apply\"}".getBytes(StandardCharsets.UTF_8),
                        "'action' appears twice"),
                Arguments.of("escaped NUL", "{\"action\":\"doc\\u0000tor\"}".getBytes(StandardCharsets.UTF_8), "NUL"),
                Arguments.of("invalid UTF-8", new byte[] {'{', '"', 'a', 'c', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC3,
                        (byte) 0x28, '"', '}'}, "malformed JSON"));
    }

    @ParameterizedTest(name = "/api/exec with {0} → 400")
    @MethodSource("badJson")
    void execReadsJsonStrictly(String name, byte[] body, String detail) {
        Response answer = Hq.api().contentType("application/json").body(body).post("/api/exec");
        assertThat(answer.statusCode()).as(name).isEqualTo(400);
        assertThat(answer.jsonPath().getString("detail")).as(name).contains(detail);
        BackendsWireMockResource.server().verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/heal|.*/doctor/run")));
    }

    @Test
    void loginRefusesATokenFieldGivenTwice() {
        given().header("Origin", Hq.origin()).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("token=" + CanarySecrets.CONSOLE_TOKEN + "&token=other").post("/login")
                .then().statusCode(400).body(containsString("token"));
        given().header("Origin", Hq.origin()).contentType("application/json")
                .body("{\"token\":\"a\",\"token\":\"b\"}").post("/login").then().statusCode(415);
    }

    // ---- malformed form bodies: every endpoint that reads a form -----------------------------

    /** The gateway's form endpoints (every @Consumes(APPLICATION_FORM_URLENCODED) resource method). */
    enum FormEndpoint {
        LOGIN("/login"), LOGIN_LINK("/login/link"), SMS("/api/sms"), JOBS("/jobs");

        final String path;

        FormEndpoint(String path) {
            this.path = path;
        }
    }

    static Stream<Arguments> malformedForms() {
        // the bodies the reliability module's HostileBodiesTest saw answered 500, and their kin
        List<Arguments> cases = new ArrayList<>();
        Object[][] bodies = {
                {"%", "field 1", "two hex digits"},
                {"token=%ZZ%G1", "field 1", "two hex digits"},
                {"token=abc%4", "field 1", "two hex digits"},
                {"=&=&&==", "field 1", "has no name"},
                {"token=x%00y&Body=%C3%28", "field 1", "NUL"},
                {"From=x&Body=%C3%28", "field 2", "not valid UTF-8"},
                {"Body=%FF%FE", "field 1", "not valid UTF-8"}};
        for (FormEndpoint endpoint : FormEndpoint.values()) {
            for (Object[] body : bodies) {
                cases.add(Arguments.of(endpoint, body[0], body[1], body[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with the form body {1} → 400 naming {2}: {3}")
    @MethodSource("malformedForms")
    void aMalformedFormBodyIs400NamingWhatWasWrongNeverA500(FormEndpoint endpoint, String body, String field,
            String named) {
        // the Content-Type as a plain client sends it, without a charset: the body is read as UTF-8
        RequestSpecification request = switch (endpoint) {
            case LOGIN, LOGIN_LINK -> given().header("Origin", Hq.origin());
            case SMS -> Hq.api();
            case JOBS -> Hq.login().post();
        };
        Response answer = request.config(RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                        .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-www-form-urlencoded").body(body)
                .redirects().follow(false).post(endpoint.path);
        assertThat(answer.statusCode()).as(endpoint + " " + body + ": " + answer.asString()).isEqualTo(400);
        assertThat(answer.asString()).as(endpoint + " " + body).contains(named).contains(field);
        if (endpoint == FormEndpoint.SMS) {
            assertThat(answer.jsonPath().getString("title")).isEqualTo("malformed form");
            assertThat(answer.jsonPath().getString("detail")).startsWith("the form body could not be read: " + field);
        } else if (endpoint == FormEndpoint.JOBS) {
            assertThat(answer.asString()).contains("Not submitted (400 malformed form)");
        } else {
            assertThat(answer.asString()).contains("id=\"login-error\"").contains("The login form could not be read");
            assertThat(answer.getCookie("hq_session")).isNull();
        }
    }

    @Test
    void malformedLoginFormsCountAgainstTheThrottleAndAreAudited() {
        // from its own address, so its first refusals of this minute are audited in full
        List<Integer> statuses = new ArrayList<>();
        java.time.Instant asked = java.time.Instant.now().minusSeconds(1);
        for (int i = 0; i < LIMIT + 2; i++) {
            statuses.add(ClientAddress.from("127.0.0.12").header("Origin", Hq.origin())
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .body("token=%ZZ" + i).post("/login").statusCode());
        }
        assertThat(statuses.subList(0, LIMIT)).containsOnly(400);
        assertThat(statuses.subList(LIMIT, LIMIT + 2)).as("a malformed form is a failed login").containsOnly(429);
        ClientAddress.from("127.0.0.12").header("Origin", Hq.origin()).formParam("token", CanarySecrets.CONSOLE_TOKEN)
                .redirects().follow(false).post("/login").then().statusCode(429);
        refusals.sealBefore(java.time.Instant.now().plus(2, java.time.temporal.ChronoUnit.MINUTES));
        List<Map<String, Object>> audit = Hq.api().get("/api/audit?limit=300").jsonPath().getList("$");
        assertThat(audit).anyMatch(e -> ("login".equals(e.get("event")) && "failed".equals(e.get("outcome"))
                && "ip:127.0.0.12".equals(e.get("client"))
                && String.valueOf(e.get("detail")).contains("malformed login form: field 1"))
                || ("audit.refusals".equals(e.get("event")) && String.valueOf(e.get("detail")).contains("login/failed")
                        && java.time.Instant.parse(String.valueOf(e.get("at"))).isAfter(asked)));
    }

    @Test
    void aFormInACharsetTheGatewayDoesNotReadIs415() throws Exception {
        // a client library will not encode in a charset it does not know either: the bytes go as they are
        String base = "http://localhost:" + RestAssured.port;
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Origin", base).header("Content-Type", "application/x-www-form-urlencoded; charset=x-klingon")
                .POST(HttpRequest.BodyPublishers.ofString("token=abc")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).contains("send UTF-8");
    }

    @Test
    void aNegativeLogOffsetIs400NamingAfter() {
        Hq.api().get("/api/runs/20260216T100000Z-aaa001/log?service=doctor-service&after=-1")
                .then().statusCode(400).body("detail", containsString("after"));
    }

    @ParameterizedTest(name = "{0} {1} with a body → 400")
    @CsvSource({"GET, /api/runs", "GET, /api/audit", "POST, /logout", "POST, /actions/doctor", "DELETE, /api/runs"})
    void endpointsThatTakeNoBodyRefuseOne(String method, String path) {
        Hq hq = Hq.login();
        Response answer = hq.post().contentType("application/x-www-form-urlencoded").body("dryRun=true")
                .request(method, path);
        assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(400);
        assertThat(answer.asString()).contains("takes no body");
        BackendsWireMockResource.server().verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/doctor/run")));
    }

    // ---- 4. Origin with scheme, Host against the allowed hosts, HTTP/2 -----------------------

    @Test
    void anHttpsOriginOnAnHttpRequestIsCrossOrigin() {
        Hq hq = Hq.login();
        String httpsOrigin = "https://localhost:" + RestAssured.port;
        given().cookie("hq_session", hq.cookie()).header("X-CSRF-Token", hq.csrf()).header("Origin", httpsOrigin)
                .contentType("application/json").body("{\"action\":\"timer\"}").post("/api/exec").then().statusCode(403);
        given().cookie("hq_session", hq.cookie()).header("X-CSRF-Token", hq.csrf()).header("Referer", httpsOrigin + "/actions")
                .contentType("application/json").body("{\"action\":\"timer\"}").post("/api/exec").then().statusCode(403);
        given().header("Origin", httpsOrigin).formParam("token", CanarySecrets.CONSOLE_TOKEN).post("/login")
                .then().statusCode(403);
    }

    @Test
    void theDnsRebindingShapeIsRefused() {
        Hq hq = Hq.login();
        String evil = "attacker.example:" + RestAssured.port;
        Response exec = given().cookie("hq_session", hq.cookie()).header("X-CSRF-Token", hq.csrf())
                .header("Host", evil).header("Origin", "http://" + evil).contentType("application/json")
                .body("{\"action\":\"timer\"}").post("/api/exec");
        assertThat(exec.statusCode()).isIn(400, 403, 421);
        Response login = given().header("Host", evil).header("Origin", "http://" + evil)
                .formParam("token", CanarySecrets.CONSOLE_TOKEN).redirects().follow(false).post("/login");
        assertThat(login.statusCode()).isIn(400, 403, 421);
        assertThat(login.getCookie("hq_session")).isNull();
        Response page = given().header("Host", evil).get("/login");
        assertThat(page.statusCode()).isIn(400, 421);
        assertThat(page.asString()).contains("Host");
    }

    @Test
    void anHttp2ClientWithoutHostIsJudgedByItsAuthority() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + RestAssured.port;
        // the first request upgrades the connection (h2c); the ones after it carry :authority only
        h2.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> sameOrigin = h2.send(form(base, base), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> crossOrigin = h2.send(form(base, "http://attacker.example"), HttpResponse.BodyHandlers.ofString());
        assertThat(sameOrigin.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(303);
        assertThat(crossOrigin.statusCode()).isEqualTo(403);
    }

    private static HttpRequest form(String base, String origin) {
        return HttpRequest.newBuilder(URI.create(base + "/login")).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + CanarySecrets.CONSOLE_TOKEN)).build();
    }

    // ---- 5. health exactly as documented ----------------------------------------------------

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "GET, /q/health, 200", "GET, /q/health/live, 200", "GET, /q/health/ready, 200", "HEAD, /q/health/live, 200",
            "GET, /q/health/started, 404", "GET, /q/health/well, 404", "GET, /q/health/ready/, 404",
            "GET, /q/health/, 404", "GET, /q/health/group, 404", "POST, /q/health, 405", "POST, /q/health/ready, 405",
            "DELETE, /q/health/live, 405"})
    void healthAnswersOnlyAtItsDocumentedPaths(String method, String path, int status) {
        given().urlEncodingEnabled(false).request(method, path).then().statusCode(status);
    }
}
