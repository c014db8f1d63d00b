package io.openclaw.hq.gateway.audit;

import java.time.Instant;

/**
 * One line of the audit log. {@code actor} is a token fingerprint or {@code anonymous}, never a
 * token; {@code person} the Tailscale login when the request came through Tailscale Serve.
 */
public record AuditEntry(long seq, Instant at, String event, String outcome, String actor, String person,
        String client, String detail, String prevHash, String hash) {
}
