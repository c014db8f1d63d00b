package io.openclaw.hq.gateway.audit;

/** What is about to be appended: who did what, from where, and how it ended. */
public record AuditEvent(String event, String outcome, String actor, String person, String client, String detail) {
}
