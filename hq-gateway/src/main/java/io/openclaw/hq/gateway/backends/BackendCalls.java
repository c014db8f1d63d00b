package io.openclaw.hq.gateway.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one place that turns a REST client call into a {@link BackendReply}. A 4xx is the backend's
 * considered answer and is returned, so it never trips the breaker (SH {@code Is404Exception});
 * 5xx, timeouts and refused connections throw {@link BackendUnavailableException}, which the
 * breaker counts.
 */
public final class BackendCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RETRY_AFTER_SECONDS = Pattern.compile("[0-9]{1,9}");

    private BackendCalls() {
    }

    public static BackendReply<JsonNode> invoke(Backend backend, Supplier<Response> call) {
        try (Response response = call.get()) {
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                return BackendReply.ok(backend, status, bodyOf(response));
            }
            if (status >= 400 && status < 500) {
                return BackendReply.refused(backend, status, bodyOf(response), retryAfterOf(response));
            }
            throw new BackendUnavailableException("answered " + status);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                return BackendReply.refused(backend, status, bodyOf(e.getResponse()), retryAfterOf(e.getResponse()));
            }
            throw new BackendUnavailableException("answered " + status);
        } catch (ProcessingException e) {
            throw new BackendUnavailableException(describe(e));
        }
    }

    private static JsonNode bodyOf(Response response) {
        try {
            if (!response.hasEntity()) {
                return MissingNode.getInstance();
            }
            String text = response.readEntity(String.class);
            if (text == null || text.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(text);
            } catch (Exception notJson) {
                return TextNode.valueOf(text.length() > 300 ? text.substring(0, 300) + "…" : text);
            }
        } catch (RuntimeException unreadable) {
            return MissingNode.getInstance();
        }
    }

    /**
     * The backend's {@code Retry-After}, passed on only when it is what RFC 9110 allows (delay seconds
     * or an HTTP date), so nothing else a backend put in the header reaches the operator's client.
     */
    static String retryAfterOf(Response response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (RETRY_AFTER_SECONDS.matcher(trimmed).matches()) {
            return trimmed;
        }
        try {
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(trimmed);
            return trimmed;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** A short cause without internal addresses or stack detail. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "no answer in time";
        }
        if (name.contains("Connect")) {
            return "connection refused";
        }
        return "call failed (" + name + ")";
    }
}
