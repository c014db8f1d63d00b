package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What one call to a backend came to: an answer (2xx), a refusal the backend meant (4xx, such as
 * 409 locked or 404 not implemented), or unavailable (down, slow, 5xx, or its circuit open). Pages
 * turn the last into an "unavailable" panel instead of an error page.
 */
public record BackendReply(Backend backend, Kind kind, int status, JsonNode body, String reason) {

    public enum Kind {
        OK, REFUSED, UNAVAILABLE
    }

    public BackendReply {
        body = body == null ? MissingNode.getInstance() : body;
    }

    public static BackendReply ok(Backend backend, JsonNode body) {
        return new BackendReply(backend, Kind.OK, 200, body, null);
    }

    public static BackendReply refused(Backend backend, int status, JsonNode body) {
        String detail = body.path("detail").asText(body.path("title").asText(""));
        return new BackendReply(backend, Kind.REFUSED, status, body,
                backend.serviceName() + " answered " + status + (detail.isBlank() ? "" : ": " + detail));
    }

    public static BackendReply unavailable(Backend backend, String reason) {
        return new BackendReply(backend, Kind.UNAVAILABLE, 0, null, backend.serviceName() + " unavailable: " + reason);
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }

    public boolean isUnavailable() {
        return kind == Kind.UNAVAILABLE;
    }

    /** 404 from a service that is up: the endpoint is not there (yet). */
    public boolean isNotImplemented() {
        return kind == Kind.REFUSED && status == 404;
    }
}
