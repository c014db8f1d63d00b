package io.openclaw.hq.doctor.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One SSH target of config/targets.json: a tailnet or loopback address with its pinned host key. */
@RegisterForReflection
public record Target(String host, int port, String user, String hostKeyFingerprint, String description) {
}
