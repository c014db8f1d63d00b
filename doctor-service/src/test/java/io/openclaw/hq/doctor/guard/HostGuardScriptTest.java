package io.openclaw.hq.doctor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/host/openclaw_guard.sh, hermetic (stubs on PATH, a test root): every row of the shared
 * decision table, the stack down, Tailscale down, the Pushover fallback and its rate limit, the
 * audit head, and secrets kept out of argv and the log.
 */
class HostGuardScriptTest {

    @TempDir
    Path dir;

    HostGuardRun guard;

    @BeforeEach
    void host() throws Exception {
        guard = new HostGuardRun(dir);
    }

    static List<GuardScenarios.Scenario> scenarios() {
        return GuardScenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyRowOfTheDecisionTable(GuardScenarios.Scenario s) throws Exception {
        guard.given(s).run();
        String line = guard.lastLogLine();

        assertThat(guard.remediationRan()).as("remediation script run").isEqualTo(s.remediateSshd());
        assertThat(line).contains(" remediate=" + (s.remediateSshd() ? "yes" : "no") + " ");
        assertThat(line).contains(" alert=" + s.alert() + " ");
        switch (s.alert()) {
            case "none" -> assertThat(guard.calls()).noneMatch(c -> c.startsWith("curl"));
            case "notify" -> {
                assertThat(guard.callsTo(":8080/alerts")).isPositive();
                assertThat(guard.callsTo("pushover")).isZero();
            }
            case "pushover" -> assertThat(guard.callsTo("https://api.pushover.net/1/messages.json")).isPositive();
            default -> throw new AssertionError("unknown alert channel in the table: " + s.alert());
        }
    }

    @Test
    void withTheStackDownTheGuardStillRunsRemediatesAndAlertsThroughPushover() throws Exception {
        guard.env.put("GUARD_CONTAINERS", "down");
        guard.env.put("GUARD_POSTGRES", "down");
        guard.env.put("GUARD_SSHD_PUBLIC", "1");

        HostGuardRun.Result r = guard.run();

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(guard.remediationRan()).isTrue();
        assertThat(guard.calls()).as("the fix runs under the lock the probe gate takes too").contains("remediation-lock held");
        String line = guard.lastLogLine();
        assertThat(line).matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ openclaw-guard REMEDIATED .*")
                .contains("containers=0", "postgres=down", "alert=pushover", "audit_head=unavailable",
                        "the stack is down: no container running and PostgreSQL stopped");
        assertThat(guard.callsTo(":8080/alerts")).as("no notify-service to call").isZero();
        String configs = guard.curlConfigs();
        assertThat(configs).contains("title=test-vps: sshd was public, now tailnet-only")
                .contains("title=test-vps: the stack is down").contains("proto = \"=https\"");
    }

    @Test
    void withTailscaleDownSshdIsNeverTouchedWhateverElseIsWrong() throws Exception {
        guard.env.put("GUARD_TS_IP", "");
        guard.env.put("GUARD_SSHD_PUBLIC", "1");
        guard.env.put("GUARD_CONTAINERS", "down");
        guard.env.put("GUARD_POSTGRES", "down");

        HostGuardRun.Result r = guard.run();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(guard.remediationRan()).isFalse();
        assertThat(guard.calls()).noneMatch(c -> c.startsWith("systemctl") || c.startsWith("sshd"));
        assertThat(guard.lastLogLine()).contains(" FAIL ", "tailscale=down", "sshd=public", "remediate=no",
                "sshd left untouched (lockout prevention)");
        assertThat(guard.callsTo("pushover")).as("still alerts").isPositive();
    }

    @Test
    void aTailscaleAddressOutsideTheTailnetCountsAsDown() throws Exception {
        guard.env.put("GUARD_TS_IP", "203.0.113.9");
        guard.env.put("GUARD_SSHD_PUBLIC", "1");
        guard.run();
        assertThat(guard.remediationRan()).isFalse();
        assertThat(guard.lastLogLine()).contains("tailscale=down");
    }

    @Test
    void thePushoverFallbackIsRateLimitedPerCheckForThirtyMinutes() throws Exception {
        guard.env.put("GUARD_NOTIFY", "down");
        guard.env.put("GUARD_TS_IP", "");

        guard.run();
        assertThat(guard.callsTo("pushover")).isEqualTo(1);

        guard.now += 10 * 60;                       // the next cycle
        guard.run();
        assertThat(guard.callsTo("pushover")).as("rate-limited").isEqualTo(1);
        assertThat(guard.lastLogLine()).contains("pushover host-guard.tailscale rate-limited (last sent 10 min ago)");

        guard.now += 21 * 60;                       // 31 minutes after the first
        guard.run();
        assertThat(guard.callsTo("pushover")).isEqualTo(2);
        assertThat(Files.readString(guard.root.resolve("var/lib/openclaw-guard/pushover.host-guard.tailscale")).strip())
                .isEqualTo(Long.toString(guard.now));
    }

    @Test
    void aFailedPushoverDeliveryIsNotCountedByTheRateLimit() throws Exception {
        guard.env.put("GUARD_NOTIFY", "down");
        guard.env.put("GUARD_TS_IP", "");
        guard.env.put("GUARD_PUSHOVER_EXIT", "22");
        guard.run();
        assertThat(guard.lastLogLine()).contains("NOT DELIVERED");
        guard.env.put("GUARD_PUSHOVER_EXIT", "0");
        guard.now += 10 * 60;
        guard.run();
        assertThat(guard.callsTo("pushover")).isEqualTo(2);
        assertThat(guard.lastLogLine()).contains("sent to Pushover (fallback)");
    }

    @Test
    void aFailedRemediationIsAnEmergency() throws Exception {
        guard.env.put("GUARD_SSHD_PUBLIC", "1");
        guard.env.put("GUARD_FIX_EXIT", "1");
        guard.env.put("GUARD_NOTIFY", "down");

        HostGuardRun.Result r = guard.run();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(guard.lastLogLine()).contains(" REMEDIATION_FAILED ", "remediation exit 1, sshd still public");
        assertThat(guard.curlConfigs()).contains("priority=2", "retry=300", "expire=3600", "sshd remediation FAILED");
    }

    @Test
    void aRemediationThatLeavesSshdPublicIsAFailureToo() throws Exception {
        guard.env.put("GUARD_SSHD_PUBLIC", "1");
        guard.env.put("GUARD_FIX_NO_EFFECT", "1");
        guard.run();
        assertThat(guard.lastLogLine()).contains(" REMEDIATION_FAILED ", "remediation exit 0, sshd still public (0.0.0.0:22,[::]:22)");
    }

    @Test
    void everyCycleRecordsTheAuditChainsNewestEntry() throws Exception {
        String hash = "ab".repeat(32);
        guard.env.put("GUARD_AUDIT_HEAD", "4711:" + hash);
        guard.run();
        assertThat(guard.lastLogLine()).contains(" audit_head=4711:" + hash);
        assertThat(guard.calls()).contains("docker exec openclaw-postgres-1 psql -XAtq -U postgres -d openclaw -c "
                + "SELECT seq || ':' || hash FROM gateway.audit_log ORDER BY seq DESC LIMIT 1");

        guard.env.put("GUARD_AUDIT_HEAD", "");
        guard.run();
        assertThat(guard.lastLogLine()).as("an empty chain").contains(" audit_head=none");

        guard.env.put("GUARD_AUDIT_HEAD", "4711:not-a-hash; rm -rf /");
        guard.run();
        assertThat(guard.lastLogLine()).contains(" audit_head=unavailable", "unexpected psql answer");
    }

    @Test
    void aHealthyHostIsOneQuietPassLine() throws Exception {
        HostGuardRun.Result r = guard.run();
        assertThat(r.exit()).isZero();
        assertThat(guard.logLines()).hasSize(1);
        assertThat(guard.lastLogLine()).contains(" openclaw-guard PASS tailscale=up:100.100.7.42 sshd=private containers=3 "
                + "postgres=up remediate=no alert=none").doesNotContain(" -- ");
        assertThat(guard.calls()).noneMatch(c -> c.startsWith("curl") || c.startsWith("remediation"));
    }

    @Test
    void theGuardLogAppendsAndTheDockerDaemonBeingDeadIsNoReasonToStop() throws Exception {
        guard.run();
        guard.env.put("GUARD_DOCKER_DOWN", "1");
        guard.run();
        assertThat(guard.logLines()).hasSize(2);
        assertThat(guard.lastLogLine()).contains("containers=unknown", "postgres=down", "alert=pushover",
                "docker ps failed: the Docker daemon does not answer");
    }

    @Test
    void secretsReachCurlOnlyOnStandardInputNeverArgvOrTheLog() throws Exception {
        guard.env.put("GUARD_SSHD_PUBLIC", "1");
        guard.env.put("GUARD_TS_IP", "");
        guard.run();                                // notify up: the internal token goes to notify
        guard.env.put("GUARD_NOTIFY", "down");
        guard.now += 3600;
        HostGuardRun.Result r = guard.run();        // notify down: Pushover's token and user

        assertThat(guard.curlConfigs()).contains("X-HQ-Internal-Token: " + HostGuardRun.INTERNAL_TOKEN)
                .contains("token=" + HostGuardRun.PUSHOVER_TOKEN).contains("user=" + HostGuardRun.PUSHOVER_USER);
        for (String secret : List.of(HostGuardRun.INTERNAL_TOKEN, HostGuardRun.PUSHOVER_TOKEN, HostGuardRun.PUSHOVER_USER)) {
            assertThat(guard.calls()).as("argv of every stub").noneMatch(c -> c.contains(secret));
            assertThat(Files.readString(guard.log())).doesNotContain(secret);
            assertThat(r.output()).doesNotContain(secret);
        }
        assertThat(guard.calls()).filteredOn(c -> c.startsWith("curl ")).containsOnly("curl -K -");
    }

    @Test
    void aPushoverUrlThatIsNotHttpsIsRefused() throws Exception {
        guard.env.put("GUARD_NOTIFY", "down");
        guard.env.put("GUARD_TS_IP", "");
        guard.env.put("OPENCLAW_GUARD_PUSHOVER_URL", "http://api.pushover.net/1/messages.json");
        guard.run();
        assertThat(guard.callsTo("pushover")).isZero();
        assertThat(guard.lastLogLine()).contains("pushover refused: http://api.pushover.net/1/messages.json is not HTTPS");
    }

    @Test
    void notifyServiceIsTriedOnEachOfItsNetworksAddresses() throws Exception {
        guard.env.put("GUARD_TS_IP", "");
        guard.env.put("GUARD_NOTIFY_ONLY_AT", "172.19.0.7");
        guard.run();
        assertThat(guard.calls()).filteredOn(c -> c.startsWith("curl-url ")).containsExactly(
                "curl-url http://172.18.0.5:8080/alerts", "curl-url http://172.19.0.7:8080/alerts");
        assertThat(guard.lastLogLine()).contains("alert=notify").contains("sent to notify-service");
    }
}
