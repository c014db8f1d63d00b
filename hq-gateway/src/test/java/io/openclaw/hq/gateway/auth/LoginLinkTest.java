package io.openclaw.hq.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.platform.secrets.SecretMasking;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ./hq login-link: a single-use, one-minute code minted with the internal token, exchanged for a session. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class LoginLinkTest {

    @Inject
    LoginThrottle throttle;

    /** Refused codes and tokens count as failed logins from the address every test class shares. */
    @AfterEach
    void forgetFailedLogins() {
        throttle.forgetAll();
    }

    @BeforeEach
    void backends() {
        Stubs.allUp(BackendsWireMockResource.server());
    }

    @Test
    void onlyTheInternalTokenMintsACode() {
        given().post("/internal/login-codes").then().statusCode(401).body("detail", containsString("X-HQ-Internal-Token"));
        given().header("X-HQ-Internal-Token", "not-the-internal-token-0000").post("/internal/login-codes")
                .then().statusCode(401);
        // the console token is not the internal token
        given().header("X-HQ-Internal-Token", CanarySecrets.CONSOLE_TOKEN).post("/internal/login-codes")
                .then().statusCode(401);
        given().header("X-OpenClaw-Token", CanarySecrets.CONSOLE_TOKEN).post("/internal/login-codes")
                .then().statusCode(401);
        int before = codeRows();
        given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN).post("/internal/login-codes?check=true")
                .then().statusCode(204);
        assertThat(codeRows()).as("a check mints nothing").isEqualTo(before);
        given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN).get("/internal/login-codes")
                .then().statusCode(401);
    }

    @Test
    void aLinkLogsInOnceAndEveryStepIsAudited() throws Exception {
        Response minted = mint();
        String path = minted.path("path");
        String code = path.substring(path.indexOf("code=") + 5);
        assertThat(minted.jsonPath().getList("origins", String.class)).containsExactly("https://aiops-1.example.ts.net");
        assertThat(minted.asString()).doesNotContain(CanarySecrets.CONSOLE_TOKEN).doesNotContain(CanarySecrets.INTERNAL_TOKEN);
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT code_hash FROM gateway.login_codes")) {
            List<String> stored = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            assertThat(stored).as("only the hash is stored").contains(SecretMasking.sha256Hex(code)).doesNotContain(code);
        }

        // opening the link spends nothing: a prefetch or a preview cannot use it up
        given().get(path).then().statusCode(200).body(containsString("name=\"code\" value=\"" + code + "\""));
        given().get(path).then().statusCode(200);

        Response first = exchange(code);
        assertThat(first.statusCode()).isEqualTo(303);
        String cookie = first.getCookie("hq_session");
        assertThat(cookie).isNotBlank();
        given().cookie("hq_session", cookie).accept("text/html").get("/").then().statusCode(200)
                .body(containsString("Overview"));

        Response second = exchange(code);
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(second.asString()).contains("already used");
        assertThat(second.getCookie("hq_session")).isNull();

        String audit = Hq.api().get("/api/audit?limit=20").asString();
        assertThat(audit).contains("login_code.mint").contains("one-time login link valid until")
                .contains("one-time login link; session until").contains("one-time login link already used")
                .doesNotContain(code);
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        String code = "expiredcodeexpiredcodeexpiredcodeexpired123";
        assertThat(LoginCodes.SHAPE.matcher(code).matches()).isTrue();
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("INSERT INTO gateway.login_codes"
                + " (code_hash, created_at, expires_at) VALUES (?, now() - interval '2 minutes', now() - interval '1 minute')")) {
            s.setString(1, SecretMasking.sha256Hex(code));
            s.executeUpdate();
        }
        Response answer = exchange(code);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.asString()).contains("expired");
        assertThat(answer.getCookie("hq_session")).isNull();
        Hq.api().get("/api/audit?limit=5").then().body(containsString("one-time login link expired"));
    }

    @Test
    void unknownMalformedAndCrossOriginCodesGetNoSession() {
        Response unknown = exchange("unknowncodeunknowncodeunknowncodeunknown123");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.getCookie("hq_session")).isNull();
        given().get("/login/link?code=short").then().statusCode(400);
        given().get("/login/link").then().statusCode(400);

        String code = mint().<String>path("path").replaceAll(".*code=", "");
        Response crossSite = given().redirects().follow(false).header("Origin", "https://evil.example")
                .formParam("code", code).post("/login/link");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.getCookie("hq_session")).isNull();
        assertThat(exchange(code).statusCode()).as("a refused cross-site attempt did not spend the code").isEqualTo(303);
    }

    static Response mint() {
        Response minted = given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN).post("/internal/login-codes");
        assertThat(minted.statusCode()).as(minted.asString()).isEqualTo(201);
        assertThat(minted.<String>path("path")).matches("/login/link\\?code=[A-Za-z0-9_-]{43}");
        // the exact shape ./hq login-link (ops/secrets.sh) reads with sed: keep them together
        assertThat(minted.asString()).matches(
                "\\{\"path\":\"/login/link\\?code=[A-Za-z0-9_-]{43}\",\"origins\":\\[[^\\]]*\\],\"expiresAt\":\"[^\"]+\"\\}");
        return minted;
    }

    static Response exchange(String code) {
        return given().redirects().follow(false).header("Origin", Hq.origin()).formParam("code", code).post("/login/link");
    }

    private static int codeRows() {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM gateway.login_codes");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection db() throws java.sql.SQLException {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
    }
}
