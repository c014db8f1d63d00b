package io.openclaw.hq.doctor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The two facts the guard's and heal's decision rests on. Unknown (host unreachable, probe failed)
 * counts as "Tailscale down", so sshd is never touched on a guess.
 */
@RegisterForReflection
public record Posture(boolean hostReachable, boolean tailscaleUp, String tailscaleIpv4, boolean sshdPublic) {

    public boolean safeToRemediate() {
        return hostReachable && tailscaleUp && tailscaleIpv4 != null && sshdPublic;
    }
}
