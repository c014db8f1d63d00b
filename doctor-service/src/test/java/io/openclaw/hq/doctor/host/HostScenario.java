package io.openclaw.hq.doctor.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the fake VPS answers: a healthy host by default, with switches for each fault the guard
 * and the checks must see. The remediation, when it "succeeds", really changes the listeners.
 */
public final class HostScenario {

    volatile boolean sshdPublic;
    volatile boolean tailscaleUp = true;
    volatile boolean remediationSucceeds = true;
    volatile boolean dockerPublic;
    volatile boolean diskFull;
    volatile Probe hangsOn;

    public static HostScenario healthy() {
        return new HostScenario();
    }

    public HostScenario sshdPublic(boolean value) {
        sshdPublic = value;
        return this;
    }

    public HostScenario tailscaleUp(boolean value) {
        tailscaleUp = value;
        return this;
    }

    public HostScenario remediationSucceeds(boolean value) {
        remediationSucceeds = value;
        return this;
    }

    public HostScenario dockerPublic(boolean value) {
        dockerPublic = value;
        return this;
    }

    /** The host never answers this probe (the channel stays open with no exit status). */
    public HostScenario hangsOn(Probe probe) {
        hangsOn = probe;
        return this;
    }

    boolean hangs(String command) {
        return hangsOn != null && hangsOn.wire().equals(command);
    }

    public HostScenario diskFull(boolean value) {
        diskFull = value;
        return this;
    }

    /** exit code, stdout, stderr for a command text; anything not allowlisted gets 127 like the gate answers. */
    public record Answer(int exit, String stdout, String stderr) {
    }

    synchronized Answer answer(String command) {
        if (command.equals(Probe.LISTENERS.wire())) {
            return ok(fixture(sshdPublic ? "ss_sshd_public.txt" : "ss_healthy.txt"));
        }
        if (command.equals(Probe.TAILSCALE_STATUS.wire())) {
            return ok(fixture(tailscaleUp ? "tailscale_up.json" : "tailscale_down.json"));
        }
        if (command.equals(Probe.DOCKER_PS.wire())) {
            return ok(fixture(dockerPublic ? "docker_public.jsonl" : "docker_private.jsonl"));
        }
        if (command.equals(Probe.DISK.wire())) {
            return ok(fixture(diskFull ? "df_full.txt" : "df_ok.txt"));
        }
        if (command.equals(Probe.LOG_SIZES.wire())) {
            return ok(fixture("du_ok.txt"));
        }
        if (command.equals(Probe.SSHD_EFFECTIVE.wire())) {
            return ok(fixture("sshd_T.txt"));
        }
        if (command.equals(Probe.GUARD_LOG_TAIL.wire())) {
            return ok("2026-11-25T10:00:00Z PASS doctor PASS\n");
        }
        if (command.equals(Probe.GUARD_LOG_APPEND.wire())) {
            return ok("");
        }
        if (command.equals(Probe.REMEDIATE_SSHD.wire())) {
            if (remediationSucceeds) {
                sshdPublic = false;
                return ok("OK: sshd bound to 100.100.7.42 only\n");
            }
            return new Answer(1, "", "ERROR: sshd -t failed; rolled back\n");
        }
        return new Answer(127, "", "openclaw-gate: command not allowlisted\n");
    }

    private static Answer ok(String stdout) {
        return new Answer(0, stdout, "");
    }

    public static String fixture(String name) {
        try (InputStream in = HostScenario.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
