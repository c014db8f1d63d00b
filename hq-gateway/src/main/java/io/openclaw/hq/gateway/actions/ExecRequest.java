package io.openclaw.hq.gateway.actions;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /api/exec}; any other field is refused with 400. */
public record ExecRequest(String action, JsonNode params) {
}
