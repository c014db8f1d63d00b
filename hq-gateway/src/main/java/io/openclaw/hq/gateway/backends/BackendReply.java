package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.function.Function;

/**
 * What one call to a backend came to: an answer (2xx) read into its contract record, a refusal
 * the backend meant (4xx, such as 409 locked or 404 not implemented; {@code problem} is its body),
 * or unavailable (down, slow, 5xx, its circuit open, or an answer that does not fit the contract).
 * {@code fetchedAt} says how old the answer is, so a cached one can say its age. {@code retryAfter}
 * is the backend's {@code Retry-After} on a refusal (a 429 "too many runs", say), as it sent it, or null.
 */
public record BackendReply<T>(Backend backend, Kind kind, int status, T value, JsonNode problem, String reason,
        Instant fetchedAt, String retryAfter) {

    public enum Kind {
        OK, REFUSED, UNAVAILABLE
    }

    public BackendReply {
        problem = problem == null ? MissingNode.getInstance() : problem;
        fetchedAt = fetchedAt == null ? Instant.now() : fetchedAt;
    }

    public static <T> BackendReply<T> ok(Backend backend, int status, T value) {
        return new BackendReply<>(backend, Kind.OK, status, value, null, null, null, null);
    }

    public static <T> BackendReply<T> refused(Backend backend, int status, JsonNode problem) {
        return refused(backend, status, problem, null);
    }

    public static <T> BackendReply<T> refused(Backend backend, int status, JsonNode problem, String retryAfter) {
        String detail = problem.path("detail").asText(problem.path("title").asText(""));
        return new BackendReply<>(backend, Kind.REFUSED, status, null, problem, backend.serviceName() + " answered "
                + status + (detail.isBlank() ? "" : ": " + detail), null, retryAfter);
    }

    public static <T> BackendReply<T> unavailable(Backend backend, String reason) {
        return new BackendReply<>(backend, Kind.UNAVAILABLE, 0, null, null, backend.serviceName() + " unavailable: " + reason,
                null, null);
    }

    /** The same outcome with the answer turned into another type (a refusal or unavailability carries over). */
    public <U> BackendReply<U> map(Function<T, U> read) {
        if (kind != Kind.OK) {
            return new BackendReply<>(backend, kind, status, null, problem, reason, fetchedAt, retryAfter);
        }
        return new BackendReply<>(backend, kind, status, read.apply(value), problem, reason, fetchedAt, retryAfter);
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
