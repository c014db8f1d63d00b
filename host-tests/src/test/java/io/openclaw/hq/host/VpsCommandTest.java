package io.openclaw.hq.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./hq vps from the operator's machine. ssh and rsync are stubs that run the remote side on this
 * machine, so a deploy runs the real VPS scripts against the test root: the whole path, hermetically.
 */
class VpsCommandTest {

    static final String TARGET = StubCommands.TAILNET_IP;

    @TempDir
    Path dir;
    HostSandbox sandbox;
    ProjectRepos repos;
    Path vpsDir;
    Path artifacts;

    @BeforeEach
    void operatorWithAReviewedRelease() throws Exception {
        assumeTrue(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0,
                "the deploy's bootstrap chowns the secrets to uid 1001, which needs root (as on the VPS and in CI)");
        sandbox = new HostSandbox(dir);
        repos = new ProjectRepos(sandbox);
        repos.reviewedRelease("app.txt", "v1\n");
        repos.push();
        vpsDir = dir.resolve("opt/openclaw-hq");
        artifacts = dir.resolve("artifacts");
        sandbox.env.put("OPENCLAW_REPO_DIR", repos.operator.toString());
        sandbox.env.put("OPENCLAW_ARTIFACTS_DIR", artifacts.toString());
        sandbox.clearCalls();
    }

    HostSandbox.Result hq(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(HostSandbox.REPOSITORY.resolve("hq").toString(), "vps"));
        command.addAll(List.of(args));
        return sandbox.run(java.util.Map.of(), null, command.toArray(String[]::new));
    }

    HostSandbox.Result deploy() throws Exception {
        return hq("deploy", "--target", TARGET, "--dir", vpsDir.toString());
    }

    Path onlyReceiptDir() throws Exception {
        try (Stream<Path> receipts = Files.list(artifacts.resolve("deploy"))) {
            List<Path> all = receipts.sorted().toList();
            return all.get(all.size() - 1);
        }
    }

    @Test
    void deploysTheReviewedHeadInStepsAndWritesAReceiptWithoutSecrets() throws Exception {
        String head = repos.head();

        HostSandbox.Result result = deploy();

        assertThat(result.exitCode()).as(result.output()).isZero();
        Path receipt = onlyReceiptDir();
        String json = Files.readString(receipt.resolve("receipt.json"));
        assertThat(json).contains("\"commit\":\"" + head + "\"", "\"result\":\"PASS\"",
                "\"phone_url\":\"https://" + StubCommands.DNS_NAME + "\"");
        for (String step : List.of("preflight", "sync", "bootstrap", "release", "heal", "guard", "binds", "serve", "doctor", "phone")) {
            assertThat(json).contains("{\"name\":\"" + step + "\",\"status\":\"PASS\"");
        }
        assertThat(receipt.resolve("receipt.txt")).content().contains("result  PASS").contains("PASS     doctor");

        assertThat(repos.git(vpsDir, "rev-parse", "HEAD").trim()).isEqualTo(head);
        assertThat(repos.git(vpsDir, "remote", "get-url", "origin").trim()).isEqualTo(repos.origin.toString());
        assertThat(sandbox.stateDir().resolve("image.env")).content().isEqualTo("OPENCLAW_IMAGE_TAG=" + head.substring(0, 12) + "\n");
        assertThat(vpsDir.resolve(".env")).content().contains("COMPOSE_PROJECT_NAME=openclaw-hq\n",
                "OPENCLAW_IMAGE_TAG=" + head.substring(0, 12) + "\n", "OPENCLAW_HQ_ORIGIN=https://" + StubCommands.DNS_NAME + "\n");
        assertThat(sandbox.calls()).contains("ufw --force enable", "tailscale serve --bg --https=443 http://127.0.0.1:8787");
        assertThat(sandbox.calls("rsync")).singleElement().asString().contains("--exclude=/.git/config");
        assertThat(sandbox.stubState(StubCommands.ALERTS)).contains("\"checkId\":\"vps-deploy\",\"status\":\"OK\"");

        List<String> secrets = sandbox.secretValues();
        String calls = String.join("\n", sandbox.calls());
        String receipts = json + Files.readString(receipt.resolve("receipt.txt")) + Files.readString(receipt.resolve("deploy.log"));
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(9).allSatisfy(secret -> {
            assertThat(calls).doesNotContain(secret);
            assertThat(receipts).doesNotContain(secret);
            assertThat(result.output()).doesNotContain(secret);
        });
    }

    @Test
    void aSecondDeployOfTheSameCommitChangesNothingOnTheHost() throws Exception {
        assertThat(deploy().exitCode()).isZero();
        sandbox.clearCalls();

        HostSandbox.Result again = deploy();

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("OPENCLAW_HQ_ORIGIN=");
        assertThat(sandbox.calls()).doesNotContain("ufw --force enable", "systemctl daemon-reload")
                // only the guard's timer is re-asserted (its installer enables it on every run)
                .noneMatch(call -> call.startsWith("systemctl enable") && !call.equals("systemctl enable --now openclaw-guard.timer"));
    }

    @Test
    void refusesAnUnreviewedHeadBeforeSendingAnything() throws Exception {
        String unreviewed = repos.commitCode("app.txt", "v2, not reviewed\n");

        HostSandbox.Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("refused").contains("failed at step 'preflight'").contains(unreviewed.substring(0, 12));
        assertThat(sandbox.calls("rsync")).isEmpty();
        String json = Files.readString(onlyReceiptDir().resolve("receipt.json"));
        assertThat(json).contains("\"result\":\"FAIL\"", "{\"name\":\"preflight\",\"status\":\"FAIL\"",
                "{\"name\":\"sync\",\"status\":\"SKIPPED\"");
    }

    @Test
    void refusesAReviewedHeadThatIsNotOriginMain() throws Exception {
        repos.reviewedRelease("app.txt", "v2, reviewed, not pushed\n");

        HostSandbox.Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("is not origin/main");
        assertThat(sandbox.calls("rsync")).isEmpty();
    }

    @Test
    void refusesAnUncommittedChange() throws Exception {
        Files.writeString(repos.operator.resolve("app.txt"), "edited, not committed\n");

        HostSandbox.Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("uncommitted or untracked files");
        assertThat(sandbox.calls("rsync")).isEmpty();
    }

    @Test
    void applyRemoteReleasesTheNextReviewedOriginMainAndRunsTheDoctor() throws Exception {
        assertThat(deploy().exitCode()).isZero();
        String next = repos.reviewedRelease("app.txt", "v2\n");
        repos.push();

        HostSandbox.Result result = hq("apply-remote", "--target", TARGET, "--dir", vpsDir.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(repos.git(vpsDir, "rev-parse", "HEAD").trim()).isEqualTo(next);
        assertThat(result.output()).contains("== listeners (port proof)").contains("doctor: 9 passed, 0 failed");
    }

    @Test
    void aDeployThatNeverGetsReadyPutsThePreviousReleaseBack() throws Exception {
        String first = repos.head();
        assertThat(deploy().exitCode()).isZero();
        String second = repos.reviewedRelease("app.txt", "v2, never ready\n");
        repos.push();
        sandbox.arrange(StubCommands.UNHEALTHY_TAGS, second.substring(0, 12) + "\n");

        HostSandbox.Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("failed at step 'release'").contains("rolled back to images " + first.substring(0, 12));
        assertThat(repos.git(vpsDir, "rev-parse", "HEAD").trim()).as("the synced commit is not left checked out").isEqualTo(first);
        assertThat(vpsDir.resolve("app.txt")).content().isEqualTo("v1\n");
        assertThat(sandbox.stubState("running_tag").trim()).isEqualTo(first.substring(0, 12));
        assertThat(Files.readString(onlyReceiptDir().resolve("receipt.json"))).contains("{\"name\":\"heal\",\"status\":\"SKIPPED\"");
        assertThat(sandbox.stubState(StubCommands.ALERTS)).contains("\"checkId\":\"vps-deploy\",\"status\":\"FAIL\"");
    }

    @Test
    void applyRemoteFailsWhenOriginMainIsNotReviewed() throws Exception {
        assertThat(deploy().exitCode()).isZero();
        repos.commitCode("app.txt", "v2, not reviewed\n");
        repos.push();

        HostSandbox.Result result = hq("apply-remote", "--target", TARGET, "--dir", vpsDir.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("not covered").contains("apply-remote on " + TARGET + " failed");
    }

    @Test
    void doctorRunsTheVpsDoctorOverSshWithSudoForAnotherUser() throws Exception {
        sandbox.arrange("ssh_down");

        HostSandbox.Result result = hq("doctor", "--target", "ops@" + TARGET);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("the VPS doctor on " + TARGET + " reports failures");
        assertThat(sandbox.calls("ssh")).singleElement().asString()
                .contains("-o BatchMode=yes")
                .contains("ops@" + TARGET + " -- sudo -n /opt/openclaw-hq/deploy/vps/doctor.sh");
    }

    @Test
    void everyCommandAnswersHelp() throws Exception {
        for (List<String> args : List.of(List.of("--help"), List.of("deploy", "--help"), List.of("apply-remote", "--help"),
                List.of("doctor", "--help"))) {
            HostSandbox.Result result = hq(args.toArray(String[]::new));
            assertThat(result.exitCode()).as(args.toString()).isZero();
            assertThat(result.output()).contains("100.64.0.0/10");
        }
        HostSandbox.Result unknown = hq("reboot");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("unknown vps command 'reboot'");
    }
}
