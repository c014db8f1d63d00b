package io.openclaw.hq.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every VPS script explains itself on --help and does nothing else: no command runs, nothing is asked. */
class ScriptHelpTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap.sh", "release.sh", "self_update.sh", "review_gate.sh", "doctor.sh", "smoke.sh",
            "heal.sh", "serve.sh", "apply.sh", "stack.sh", "alert.sh", "guard_install.sh"})
    void answersHelpWithoutRunningAnything(String script) throws Exception {
        HostSandbox sandbox = new HostSandbox(dir);

        HostSandbox.Result result = sandbox.vps(script, "--help");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("deploy/vps/" + script).doesNotStartWith("#");
        assertThat(sandbox.calls()).isEmpty();
    }
}
