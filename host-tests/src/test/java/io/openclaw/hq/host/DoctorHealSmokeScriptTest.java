package io.openclaw.hq.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/vps/doctor.sh, smoke.sh and heal.sh on a bootstrapped, running test VPS. */
class DoctorHealSmokeScriptTest {

    @TempDir
    Path dir;
    HostSandbox sandbox;
    Path sshFix;

    @BeforeEach
    void bootstrappedAndRunning() throws Exception {
        assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0,
                "bootstrap chowns the secrets to uid 1001, which needs root (as on the VPS and in CI)");
        sandbox = new HostSandbox(dir);
        sshFix = dir.resolve("ssh-fix.sh");
        Files.writeString(sshFix, "#!/bin/sh\necho ssh-fix-ran >>\"$STUB_LOG\"\n");
        Files.setPosixFilePermissions(sshFix, PosixFilePermissions.fromString("rwx------"));
        sandbox.env.put("OPENCLAW_SSH_FIX", sshFix.toString());
        sandbox.env.put("OPENCLAW_REPO_DIR", new ProjectRepos(sandbox).operator.toString());
        assertThat(sandbox.vps("bootstrap.sh").exitCode()).isZero();
        Files.writeString(sandbox.stateDir().resolve("image.env"), "OPENCLAW_IMAGE_TAG=0123456789ab\n");
        sandbox.arrange("running_tag", "0123456789ab\n");
        sandbox.arrange("served");
        sandbox.clearCalls();
    }

    @Test
    void aHealthyVpsPassesEveryCheck() throws Exception {
        Path json = dir.resolve("doctor.json");

        HostSandbox.Result result = sandbox.vps("doctor.sh", "--json", json.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("PASS tailscale", "PASS firewall", "PASS stack", "PASS ready", "PASS binds",
                "PASS serve", "PASS timers", "PASS secrets", "PASS self-update", "doctor: 9 passed, 0 failed");
        assertThat(json).content().startsWith("{\"passed\":9,\"failed\":0,\"checks\":[{\"name\":\"tailscale\"");
        assertThat(sandbox.calls()).as("the doctor changes nothing")
                .noneMatch(call -> call.startsWith("ufw ") && !call.startsWith("ufw status"))
                .noneMatch(call -> call.startsWith("systemctl enable") || call.startsWith("docker compose up"));
    }

    @Test
    void aPublicListenerOrAnExtraPublishedPortFailsTheBindCheck() throws Exception {
        sandbox.arrange(StubCommands.LISTENERS, """
                LISTEN 0 4096 127.0.0.1:8787 0.0.0.0:*
                LISTEN 0 128 0.0.0.0:5432 0.0.0.0:*
                LISTEN 0 128 [::]:22 [::]:*
                """);

        HostSandbox.Result result = sandbox.vps("doctor.sh", "--only", "binds");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("FAIL binds: listening beyond loopback and the tailnet: 0.0.0.0:5432 [::]:22")
                .contains("doctor: 0 passed, 1 failed");
    }

    @Test
    void theDailySmokeAlertsOnFailureAndClearsOnPass() throws Exception {
        sandbox.arrange(StubCommands.TAILSCALE_DOWN);
        Files.writeString(sandbox.secretsDir().resolve("hq_internal_token"), "f".repeat(64));

        HostSandbox.Result failing = sandbox.vps("smoke.sh");

        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(sandbox.stubState(StubCommands.ALERTS)).contains("\"checkId\":\"vps-smoke\",\"status\":\"FAIL\"")
                .contains("FAIL tailscale");

        sandbox.unarrange(StubCommands.TAILSCALE_DOWN);
        assertThat(sandbox.vps("smoke.sh").exitCode()).isZero();
        assertThat(sandbox.stubState(StubCommands.ALERTS)).contains("\"checkId\":\"vps-smoke\",\"status\":\"OK\"");
    }

    @Test
    void healStartsTheLastReleaseAndFixesAPublicSshdOnlyWithTailscaleUp() throws Exception {
        sandbox.arrange(StubCommands.LISTENERS, "LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:((\"sshd\",pid=700,fd=3))\n");

        HostSandbox.Result healed = sandbox.vps("heal.sh");

        assertThat(healed.exitCode()).as(healed.output()).isZero();
        assertThat(sandbox.calls()).contains("docker-env OPENCLAW_IMAGE_TAG=0123456789ab", "ssh-fix-ran");

        sandbox.clearCalls();
        sandbox.arrange(StubCommands.TAILSCALE_DOWN);
        HostSandbox.Result down = sandbox.vps("heal.sh");

        assertThat(down.exitCode()).isZero();
        assertThat(down.output()).contains("Tailscale is down: sshd left untouched");
        assertThat(sandbox.calls()).doesNotContain("ssh-fix-ran").noneMatch(call -> call.startsWith("ufw"));
    }

    @Test
    void healLeavesAnSshdOnTheTailnetAlone() throws Exception {
        HostSandbox.Result result = sandbox.vps(Map.of(), "heal.sh");

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("listens on loopback/tailnet only");
        assertThat(sandbox.calls()).doesNotContain("ssh-fix-ran");
    }
}
