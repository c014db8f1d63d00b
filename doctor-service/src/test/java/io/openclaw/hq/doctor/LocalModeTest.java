package io.openclaw.hq.doctor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.openclaw.hq.doctor.LocalModeTest.LocalMode;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./hq up}: local execution, no config/targets.json, no SSH key. The service boots ready,
 * runs the same probes on this machine, and the guard never reaches for sshd (no Tailscale here).
 */
@QuarkusTest
@TestProfile(LocalMode.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
class LocalModeTest {

    public static class LocalMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("doctor.host.mode", "local",
                        "openclaw.config.dir", Files.createTempDirectory("doctor-no-config").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void bootsReadyWithoutAnySshTarget() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void aDoctorRunUsesTheLocalMachine() {
        JsonPath report = ActionRuns.doctor(ActionRuns.api());
        assertThat(report.getString("mode")).isEqualTo("local");
        assertThat(report.getString("target")).isEqualTo("local");
        assertThat(report.getList("checks")).hasSize(9);
        assertThat(report.getBoolean("posture.hostReachable")).isTrue();
    }

    @Test
    void theGuardNeverRemediatesWithoutTailscale() {
        JsonPath entry = ActionRuns.guard(ActionRuns.api());
        assertThat(entry.getString("outcome")).isIn("PASS", "FAIL");
        assertThat(entry.getList("actions", String.class)).noneMatch(a -> a.contains("running remediation"));
    }
}
