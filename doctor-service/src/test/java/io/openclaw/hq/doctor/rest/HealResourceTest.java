package io.openclaw.hq.doctor.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.doctor.ActionRuns;
import io.openclaw.hq.doctor.DoctorTestResources;
import io.openclaw.hq.doctor.host.FakeVpsHost;
import io.openclaw.hq.doctor.host.HostScenario;
import io.openclaw.hq.doctor.host.MinaHostResource;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.service.Stubs;
import io.openclaw.hq.platform.locks.LockHandle;
import io.openclaw.hq.platform.locks.ResourceLocks;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DoctorTestResources
class HealResourceTest {

    @MinaHostResource.InjectHost
    FakeVpsHost host;

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    ResourceLocks locks;

    @BeforeEach
    void healthy() {
        Stubs.healthyStack(wireMock);
        host.use(HostScenario.healthy());
    }

    static RequestSpecification api() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN).contentType(ContentType.JSON);
    }

    @Test
    void applyFixesAPublicSshdWhileTailscaleIsUpVerifiesAndBundlesEvidence() throws Exception {
        host.use(HostScenario.healthy().sshdPublic(true));
        JsonPath heal = ActionRuns.heal(api(), "apply");
        assertThat(heal.getBoolean("precheck.sshdPublic")).isTrue();
        assertThat(heal.getBoolean("fix.attempted")).isTrue();
        assertThat(heal.getBoolean("fix.succeeded")).isTrue();
        assertThat(heal.getString("verification.status")).isNotEqualTo("FAIL");
        assertThat(heal.getString("status")).isNotEqualTo("FAIL");
        assertThat(host.commands()).containsOnlyOnce(Probe.REMEDIATE_SSHD.wire());

        Path root = TestSecretsResource.artifactRoot();
        Path dir = root.resolve(heal.getString("evidence.directory"));
        assertThat(dir.getFileName().toString()).matches("\\d{8}T\\d{6}Z_test-vps(-\\d+)?");
        assertThat(heal.getList("evidence.files", String.class)).containsExactly("listeners.txt", "sshd_effective.txt",
                "docker_ports.txt", "tailscale_status.json", "guard_status.json", "summary.json", "MANIFEST.sha256");
        // the listeners in the evidence are those after the fix
        assertThat(Files.readString(dir.resolve("listeners.txt"))).contains("100.100.7.42:22").doesNotContain("0.0.0.0:22");
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"mode\" : \"apply\"");

        // MANIFEST.sha256 matches every file, and the bundle's hash matches the bundle
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.sha256"))) {
            String[] parts = line.split("  ", 2);
            assertThat(sha256(Files.readAllBytes(dir.resolve(parts[1])))).as(parts[1]).isEqualTo(parts[0]);
        }
        Path bundle = root.resolve(heal.getString("evidence.bundle"));
        assertThat(sha256(Files.readAllBytes(bundle))).isEqualTo(heal.getString("evidence.bundleSha256"));
        assertThat(Files.readString(Path.of(bundle + ".sha256"))).startsWith(heal.getString("evidence.bundleSha256"));
        Map<String, String> packed = untar(bundle);
        assertThat(packed.keySet()).contains(dir.getFileName() + "/MANIFEST.sha256", dir.getFileName() + "/summary.json");
        assertThat(packed.get(dir.getFileName() + "/listeners.txt")).isEqualTo(Files.readString(dir.resolve("listeners.txt")));

        api().when().get("/runs/" + heal.getString("runId")).then().statusCode(200).body("action", equalTo("heal apply"))
                .body("artifacts", org.hamcrest.Matchers.hasItem(heal.getString("evidence.bundle")));
        CanarySecrets.assertNoLeakInTree(root.resolve("evidence"));
    }

    @Test
    void applyNeverTouchesSshdWhileTailscaleIsDown() {
        host.use(HostScenario.healthy().sshdPublic(true).tailscaleUp(false));
        JsonPath heal = ActionRuns.heal(api(), "apply");
        assertThat(heal.getBoolean("fix.attempted")).isFalse();
        assertThat(heal.getString("fix.detail")).contains("Tailscale is down");
        assertThat(heal.getString("status")).isEqualTo("FAIL");
        // the run itself says why, for whoever reads only the run
        JsonPath run = ActionRuns.awaitRun(heal.getString("runId"));
        assertThat(run.getString("status")).isEqualTo("failure");
        assertThat(run.getString("summary")).contains("Tailscale is down");
        assertThat(run.getString("error")).contains("Tailscale is down");
        assertThat(host.commands()).doesNotContain(Probe.REMEDIATE_SSHD.wire());
    }

    @Test
    void checkOnlyReadsTheHostAndChangesNothing() {
        host.use(HostScenario.healthy().sshdPublic(true));
        JsonPath heal = ActionRuns.heal(api(), "check-only");
        assertThat(heal.getString("status")).isEqualTo("FAIL");
        assertThat(heal.getMap("fix")).isNull();
        assertThat(heal.getMap("verification")).isNull();
        assertThat(host.commands()).doesNotContain(Probe.REMEDIATE_SSHD.wire())
                .contains(Probe.SSHD_EFFECTIVE.wire(), Probe.LISTENERS.wire());
    }

    @Test
    void verifyOnlyRunsTheDoctorWithoutTheFix() {
        JsonPath heal = ActionRuns.heal(api(), "verify-only");
        assertThat(heal.getString("verification.doctorRunId")).isNotBlank();
        assertThat(heal.getString("status")).isNotEqualTo("FAIL");
        assertThat(host.commands()).doesNotContain(Probe.REMEDIATE_SSHD.wire());
        api().when().get("/runs/" + heal.getString("verification.doctorRunId")).then().statusCode(200)
                .body("parentRunId", equalTo(heal.getString("runId")));
    }

    @Test
    void badRequestsAreA400ThatSaysWhatWasWrong() {
        api().body("{\"mode\":\"nuke\"}").when().post("/heal").then().statusCode(400).body("detail", containsString("check-only, verify-only, apply"));
        api().body("{}").when().post("/heal").then().statusCode(400).body("detail", containsString("mode"));
        api().body("{\"mode\":\"apply\",\"force\":true}").when().post("/heal").then().statusCode(400).body("detail", containsString("force"));
        api().body("{not json").when().post("/heal").then().statusCode(400);
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void aHeldHostLockIsA409NamingTheHolder() {
        try (LockHandle held = locks.acquire("host:test-vps", "20260101T000000Z-guard1")) {
            api().body("{\"mode\":\"apply\"}").when().post("/heal").then().statusCode(409)
                    .body("runId", equalTo("20260101T000000Z-guard1")).body("title", equalTo("locked"));
        }
        assertThat(host.commands()).isEmpty();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Map<String, String> untar(Path bundle) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (InputStream in = Files.newInputStream(bundle);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
