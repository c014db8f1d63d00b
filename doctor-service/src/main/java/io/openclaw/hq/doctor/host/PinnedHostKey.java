package io.openclaw.hq.doctor.host;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.FingerprintVerifier;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts exactly the host key whose SHA-256 fingerprint is pinned in config/targets.json and
 * remembers a refusal, so the caller can say "host key mismatch" rather than a generic error.
 */
final class PinnedHostKey implements HostKeyVerifier {

    private final HostKeyVerifier fingerprint;
    private volatile boolean refused;

    PinnedHostKey(String pinned) {
        this.fingerprint = FingerprintVerifier.getInstance(pinned);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        boolean ok = fingerprint.verify(hostname, port, key);
        if (!ok) {
            refused = true;
        }
        return ok;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of();
    }

    boolean refused() {
        return refused;
    }
}
