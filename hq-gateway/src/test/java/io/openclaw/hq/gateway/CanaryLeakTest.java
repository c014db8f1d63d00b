package io.openclaw.hq.gateway;

import static io.restassured.RestAssured.given;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Uses every secret the gateway holds, including as wrong guesses, then searches what it wrote:
 * its log, every row of its schema, its artifacts, and its answers.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class CanaryLeakTest {

    @Test
    void noSecretLeavesTheGateway() throws Exception {
        Stubs.allUp(BackendsWireMockResource.server());
        Hq hq = Hq.login();
        StringBuilder answers = new StringBuilder();
        // other secrets tried as the console token: refused, audited, and never written down
        for (String canary : CanarySecrets.ALL.values()) {
            if (canary.equals(CanarySecrets.CONSOLE_TOKEN)) {
                continue;
            }
            answers.append(io.openclaw.hq.gateway.auth.ClientAddress.viaServe().header("Tailscale-User-Login", "canary@test").header("X-OpenClaw-Token", canary)
                    .get("/api/runs").asString());
        }
        answers.append(io.openclaw.hq.gateway.auth.ClientAddress.viaServe().header("Origin", Hq.origin()).header("Tailscale-User-Login", "canary2@test")
                .formParam("token", CanarySecrets.INTERNAL_TOKEN).post("/login").asString());
        Stubs.down(BackendsWireMockResource.server(), Stubs.SOMA);
        answers.append(Hq.api().contentType("application/json").body("{\"action\":\"soma_harvest\"}").post("/api/exec").asString());
        for (String page : new String[] {"/", "/projects", "/timeline", "/llm", "/actions", "/artifacts", "/logs"}) {
            answers.append(hq.page().get(page).asString());
        }
        for (String api : new String[] {"/api/audit?limit=1000", "/api/ai-status", "/api/llm/status", "/api/projects",
                "/api/runs"}) {
            answers.append(Hq.api().get(api).asString());
        }
        answers.append(given().get("/q/health").asString());

        // the session page carries its CSRF token, never the console token
        CanarySecrets.assertNoLeak(answers.toString(), "gateway answers");
        CanarySecrets.assertNoLeakInSchema("gateway");
        CanarySecrets.assertNoLeakInTree(TestSecretsResource.artifactRoot());
        if (Files.exists(TestSecretsResource.LOG_FILE)) {
            CanarySecrets.assertNoLeak(Files.readString(TestSecretsResource.LOG_FILE), "quarkus-test.log");
        }
    }
}
