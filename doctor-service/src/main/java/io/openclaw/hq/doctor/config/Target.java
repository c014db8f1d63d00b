package io.openclaw.hq.doctor.config;

/** One SSH target of config/targets.json: a tailnet or loopback address with its pinned host key. */
public record Target(String host, int port, String user, String hostKeyFingerprint, String description) {
}
