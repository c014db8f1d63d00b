package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class AuthTest {

    @BeforeEach
    void backends() {
        Stubs.allUp(BackendsWireMockResource.server());
    }

    /** Every route, and variants of letter case, trailing slash and encoding, needs credentials. */
    @ParameterizedTest
    @CsvSource({
            "GET, /", "GET, /projects", "GET, /timeline", "GET, /timeline/doctor-service/20260216T100000Z-aaa001",
            "GET, /timeline/doctor-service/20260216T100000Z-aaa001/events", "GET, /logs", "GET, /artifacts",
            "GET, /artifacts/gateway", "GET, /actions", "GET, /llm", "POST, /actions/doctor", "POST, /logout",
            "GET, /api/projects", "GET, /api/runs", "GET, /api/runs/x1", "GET, /api/runs/x1/log", "GET, /api/ai-status",
            "GET, /api/llm/status", "GET, /api/audit", "GET, /api/audit/verify", "POST, /api/exec", "PUT, /api/exec",
            "DELETE, /api/audit", "GET, /runs", "GET, /API/runs", "GET, /api/runs/", "GET, /api/Runs",
            "GET, /api/%72uns", "GET, /api//runs", "GET, /%61pi/audit", "GET, /api/nonexistent", "GET, /q/dev",
            "GET, /LOGIN/../api/runs", "POST, /api/sms/", "GET, /static/../api/runs"})
    void everyRouteNeedsCredentials(String method, String path) {
        Response response = given().urlEncodingEnabled(false).redirects().follow(false).accept("application/json")
                .request(method, path);
        assertThat(response.statusCode()).as(method + " " + path).isIn(401, 404, 400);
        assertThat(response.statusCode()).as(method + " " + path + " must not be served").isNotEqualTo(200);
        if (response.statusCode() == 401) {
            assertThat(response.asString()).contains("unauthorized");
        }
    }

    @Test
    void everyKnownRouteAnswers401NotJust404() {
        for (String path : List.of("/", "/api/runs", "/api/audit", "/API/runs", "/api/runs/", "/api/nonexistent")) {
            given().accept("application/json").get(path).then().statusCode(401);
        }
    }

    @Test
    void browsersWithoutSessionAreSentToLogin() {
        given().redirects().follow(false).accept("text/html").get("/projects")
                .then().statusCode(303).header("Location", containsString("/login"));
    }

    @Test
    void wrongTokenIsRefusedAndAudited() {
        ClientAddress.viaServe().header("Tailscale-User-Login", "wrong-token@test").header("X-OpenClaw-Token", "not-the-console-token-123")
                .get("/api/runs")
                .then().statusCode(401).body("title", is("unauthorized")).body("detail", containsString("wrong"));
        Hq.api().get("/api/audit?limit=5").then().statusCode(200)
                .body("find { it.event == 'auth.rejected' }.detail", containsString("wrong X-OpenClaw-Token"));
    }

    @Test
    void rightTokenOpensTheApi() {
        // other test classes add gateway runs, so the count depends on their order: at least the three stubbed
        Hq.api().get("/api/runs").then().statusCode(200).body("runs.size()", greaterThanOrEqualTo(3));
    }

    @Test
    void healthStaysOpenAndSaysNothingSecret() {
        String body = given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.find { it.name == 'config' }.data.'projects.json'", is("valid"))
                .body("checks.find { it.name.contains('Database') }.status", is("UP")).extract().asString();
        CanarySecrets.assertNoLeak(body, "/q/health/ready");
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void loginIssuesAStrictHttpOnlyExpiringCookie() {
        Response login = given().redirects().follow(false).header("Origin", Hq.origin())
                .formParam("token", CanarySecrets.CONSOLE_TOKEN).post("/login");
        assertThat(login.statusCode()).isEqualTo(303);
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).contains("hq_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Max-Age=43200").doesNotContain("Secure");
        assertThat(setCookie).doesNotContain(CanarySecrets.CONSOLE_TOKEN);
        given().cookie("hq_session", login.getCookie("hq_session")).accept("text/html").get("/")
                .then().statusCode(200).body(containsString("Overview"));
    }

    @Test
    void cookieIsSecureBehindTailscaleServe() {
        String setCookie = ClientAddress.viaServe().redirects().follow(false).header("Origin", "https://aiops-1.example.ts.net")
                .header("X-Forwarded-Host", "aiops-1.example.ts.net").header("X-Forwarded-Proto", "https")
                .formParam("token", CanarySecrets.CONSOLE_TOKEN).post("/login").then().statusCode(303)
                .extract().header("Set-Cookie");
        assertThat(setCookie).contains("; Secure");
    }

    @Test
    void wrongLoginIsRefusedWithoutSession() {
        Response r = ClientAddress.viaServe().header("Tailscale-User-Login", "wrong-login@test").header("Origin", Hq.origin())
                .formParam("token", "guess-guess-guess").post("/login");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.getCookie("hq_session")).isNull();
        assertThat(r.asString()).contains("not the console token");
    }

    @Test
    void crossOriginLoginIsRefused() {
        given().header("Origin", "https://evil.example").formParam("token", CanarySecrets.CONSOLE_TOKEN).post("/login")
                .then().statusCode(403);
    }

    @Test
    void expiredSessionIsRefused() throws Exception {
        Hq hq = Hq.login();
        hq.page().get("/").then().statusCode(200);
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(
                        "UPDATE gateway.sessions SET expires_at = now() - interval '1 minute' WHERE id_hash = ?")) {
            s.setString(1, io.openclaw.hq.platform.secrets.SecretMasking.sha256Hex(hq.cookie()));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        given().cookie("hq_session", hq.cookie()).accept("application/json").get("/api/runs")
                .then().statusCode(401).body("detail", containsString("session expired"));
        given().redirects().follow(false).cookie("hq_session", hq.cookie()).accept("text/html").get("/")
                .then().statusCode(303).header("Location", containsString("/login"))
                .header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void logoutEndsTheSession() {
        Hq hq = Hq.login();
        hq.post().redirects().follow(false).post("/logout").then().statusCode(303)
                .header("Set-Cookie", containsString("Max-Age=0"));
        given().cookie("hq_session", hq.cookie()).accept("application/json").get("/api/runs")
                .then().statusCode(401).body("detail", containsString("unknown session"));
        List<String> events = Hq.api().get("/api/audit?limit=20").jsonPath().getList("event");
        assertThat(events).contains("login", "logout");
    }

    @Test
    void crossOriginPostIsRefused() {
        Hq hq = Hq.login();
        given().cookie("hq_session", hq.cookie()).header("X-CSRF-Token", hq.csrf())
                .header("Origin", "https://evil.example").contentType("application/json")
                .body("{\"action\":\"doctor\"}").post("/api/exec")
                .then().statusCode(403).body("detail", containsString("cross-origin"));
        // no Origin and no Referer at all: refused too
        given().cookie("hq_session", hq.cookie()).header("X-CSRF-Token", hq.csrf()).contentType("application/json")
                .body("{\"action\":\"doctor\"}").post("/api/exec").then().statusCode(403);
        // a same-origin Referer is enough when Origin is missing
        given().cookie("hq_session", hq.cookie()).header("X-CSRF-Token", hq.csrf())
                .header("Referer", Hq.origin() + "/actions").contentType("application/json")
                .body("{\"action\":\"nope\"}").post("/api/exec").then().statusCode(400);
    }

    @Test
    void missingOrWrongCsrfTokenIsRefused() {
        Hq hq = Hq.login();
        given().cookie("hq_session", hq.cookie()).header("Origin", Hq.origin()).contentType("application/json")
                .body("{\"action\":\"doctor\"}").post("/api/exec")
                .then().statusCode(403).body("detail", equalTo("missing X-CSRF-Token"));
        given().cookie("hq_session", hq.cookie()).header("Origin", Hq.origin()).header("X-CSRF-Token", "forged")
                .contentType("application/json").body("{\"action\":\"doctor\"}").post("/api/exec")
                .then().statusCode(403).body("detail", equalTo("wrong X-CSRF-Token"));
        List<String> events = Hq.api().get("/api/audit?limit=5").jsonPath().getList("event");
        assertThat(events).contains("csrf.rejected");
    }

    @Test
    void failedLoginsAreRateLimitedPerClient() {
        String client = "mallory@example.com";
        for (int i = 0; i < 10; i++) {
            ClientAddress.viaServe().header("Tailscale-User-Login", client).header("Origin", Hq.origin())
                    .formParam("token", "wrong-" + i).post("/login").then().statusCode(401);
        }
        ClientAddress.viaServe().header("Tailscale-User-Login", client).header("Origin", Hq.origin())
                .formParam("token", CanarySecrets.CONSOLE_TOKEN).post("/login")
                .then().statusCode(429).header("Retry-After", "60");
        ClientAddress.viaServe().header("Tailscale-User-Login", client).header("X-OpenClaw-Token", CanarySecrets.CONSOLE_TOKEN)
                .get("/api/runs").then().statusCode(429);
        // another client is not affected
        Hq.api().get("/api/runs").then().statusCode(200);
    }

    @Test
    void noPermissiveCors() {
        Response r = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/exec");
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    }
}
