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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rotating the console token (the file replaced, as {@code ./hq token rotate} does) ends every
 * session opened with the old one on its next request, without a restart, and is audited.
 * The test profile re-reads the token on every request (gateway.session.console-token-refresh=PT0S).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class ConsoleTokenRotationTest {

    private static final String ROTATED = "console-rotated-5d1c8e2f7a9b3c4d6e0f";

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

    @AfterEach
    void restoreTheCanaryToken() throws IOException {
        writeToken(CanarySecrets.CONSOLE_TOKEN);
    }

    @Test
    void rotationEndsEverySessionOfTheOldTokenAndIsAudited() throws Exception {
        Hq browser = Hq.login();
        Hq other = Hq.login();
        String viaLink = LoginLinkTest.exchange(LoginLinkTest.mint().<String>path("path").replaceAll(".*code=", ""))
                .getCookie("hq_session");
        browser.page().get("/").then().statusCode(200);

        writeToken(ROTATED);

        given().cookie("hq_session", browser.cookie()).accept("application/json").get("/api/runs")
                .then().statusCode(401).body("detail", containsString("console token was rotated"));
        assertThat(sessionRows(other.cookie())).as("the other session of the old token ended too").isZero();
        assertThat(sessionRows(viaLink)).as("a session opened by a login link is bound to the token too").isZero();
        given().cookie("hq_session", other.cookie()).accept("application/json").get("/api/runs").then().statusCode(401);
        given().cookie("hq_session", viaLink).accept("application/json").get("/api/runs").then().statusCode(401);
        // the old token itself no longer opens anything
        given().header("X-OpenClaw-Token", CanarySecrets.CONSOLE_TOKEN).get("/api/runs").then().statusCode(401);

        String audit = given().header("X-OpenClaw-Token", ROTATED).get("/api/audit?limit=30").then().statusCode(200)
                .extract().asString();
        assertThat(audit).contains("console_token.rotated").contains(SecretMasking.fingerprint(CanarySecrets.CONSOLE_TOKEN))
                .contains(SecretMasking.fingerprint(ROTATED)).doesNotContain(ROTATED).doesNotContain(CanarySecrets.CONSOLE_TOKEN);

        // a login with the new token works and is bound to it
        String fresh = given().redirects().follow(false).header("Origin", Hq.origin()).formParam("token", ROTATED)
                .post("/login").then().statusCode(303).extract().cookie("hq_session");
        given().cookie("hq_session", fresh).accept("text/html").get("/").then().statusCode(200);
    }

    private static void writeToken(String value) throws IOException {
        Path dir = TestSecretsResource.secretsDir();
        Path tmp = Files.createTempFile(dir, ".openclaw_console_token", ".tmp");
        Files.writeString(tmp, value);
        Files.move(tmp, dir.resolve("openclaw_console_token"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static int sessionRows(String cookie) throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM gateway.sessions WHERE id_hash = ?")) {
            s.setString(1, SecretMasking.sha256Hex(cookie));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
