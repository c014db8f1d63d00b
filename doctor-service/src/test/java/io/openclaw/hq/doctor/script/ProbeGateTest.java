package io.openclaw.hq.doctor.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.doctor.host.Probe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/host/openclaw_probe_gate.sh runs exactly the texts of {@link Probe} and refuses everything else. */
class ProbeGateTest {

    static final Path GATE = Path.of("../deploy/host/openclaw_probe_gate.sh").toAbsolutePath().normalize();

    @TempDir
    Path bin;

    record Result(int exit, String output) {
    }

    Result gate(String command) throws Exception {
        // every binary the gate may exec is a stub that names itself and its arguments
        for (String name : new String[] {"ss", "sshd", "tailscale", "docker", "df", "du", "tail", "logger"}) {
            Path stub = bin.resolve(name);
            Files.writeString(stub, "#!/bin/sh\necho \"ran " + name + " $*\"\n");
            stub.toFile().setExecutable(true);
        }
        ProcessBuilder pb = new ProcessBuilder("bash", GATE.toString()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("SSH_ORIGINAL_COMMAND", command);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @ParameterizedTest
    @EnumSource(value = Probe.class, names = {"REMEDIATE_SSHD", "GUARD_LOG_TAIL", "GUARD_LOG_APPEND"}, mode = EnumSource.Mode.EXCLUDE)
    void everyProbeTheDoctorSendsIsAllowlisted(Probe probe) throws Exception {
        Result r = gate(probe.wire());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("ran " + String.join(" ", probe.argv()));
    }

    @Test
    void theGateKnowsTheRemediationAndTheGuardLogTail() throws Exception {
        String gate = Files.readString(GATE);
        assertThat(gate).contains("\"" + Probe.REMEDIATE_SSHD.wire() + "\"").contains("\"$FIX_SCRIPT\")")
                .contains("\"" + Probe.GUARD_LOG_TAIL.wire() + "\")");
    }

    @Test
    void theGuardLogLineIsWrittenOnlyWhereTheHostHasTheLog() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/var/log/openclaw_guard.log")));
        Result r = gate(Probe.GUARD_LOG_APPEND.wire());
        assertThat(r.exit()).isZero();
        assertThat(r.output().strip()).isEqualTo("absent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ss -tlnp; rm -rf /", "ss -tlnp && id", "cat /etc/shadow", "sshd -T $(id)", "ss  -tlnp", "bash"})
    void anythingElseIsRefused(String command) throws Exception {
        Result r = gate(command);
        assertThat(r.exit()).isEqualTo(127);
        assertThat(r.output()).contains("not allowlisted").doesNotContain("ran ");
    }
}
