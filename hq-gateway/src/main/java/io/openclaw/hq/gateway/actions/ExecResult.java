package io.openclaw.hq.gateway.actions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A dispatched action: the service that took it, the run it started there (when the service
 * answered with one), and the service's answer as it came.
 */
public record ExecResult(String action, String service, String runId, JsonNode result) {
}
