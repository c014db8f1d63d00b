package io.openclaw.hq.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ./hq vps sends nothing anywhere unless the target is a Tailscale address (100.64.0.0/10). */
class VpsTargetRefusalTest {

    @TempDir
    Path dir;
    HostSandbox sandbox;
    Path artifacts;

    @BeforeEach
    void sandbox() throws Exception {
        sandbox = new HostSandbox(dir);
        artifacts = dir.resolve("artifacts");
        sandbox.env.put("OPENCLAW_ARTIFACTS_DIR", artifacts.toString());
    }

    HostSandbox.Result hq(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(HostSandbox.REPOSITORY.resolve("hq").toString(), "vps"));
        command.addAll(List.of(args));
        return sandbox.run(Map.of(), null, command.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "100.63.255.255", "100.128.0.1", "10.0.0.5", "vps.example.com", "root@203.0.113.7",
            "100.64.0.256", "100.64.1", "root@100.100.1.1;id"})
    void refusesATargetOutsideTheTailnetWithoutConnecting(String target) throws Exception {
        for (String command : List.of("deploy", "apply-remote", "doctor")) {
            HostSandbox.Result result = hq(command, "--target", target);

            assertThat(result.exitCode()).as(command + " " + target).isEqualTo(1);
            assertThat(result.output()).contains("refused");
        }
        assertThat(sandbox.calls("ssh")).isEmpty();
        assertThat(sandbox.calls("rsync")).isEmpty();
        assertThat(artifacts).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100.64.0.0", "100.127.255.255", "ops@100.100.7.9"})
    void acceptsEveryAddressOfTheRangeUpToItsEdges(String target) throws Exception {
        sandbox.arrange("ssh_down");

        HostSandbox.Result result = hq("doctor", "--target", target);

        assertThat(result.output()).doesNotContain("not a Tailscale address").contains("reports failures");
        assertThat(sandbox.calls("ssh")).hasSize(1);
    }
}
