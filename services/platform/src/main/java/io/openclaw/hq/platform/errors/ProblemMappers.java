package io.openclaw.hq.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.openclaw.hq.platform.config.ConfigInvalidException;
import io.openclaw.hq.platform.config.ConfigViolation;
import io.openclaw.hq.platform.locks.ResourceLockedException;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into a {@link Problem}. Bad input names what was wrong; a database that
 * cannot be reached answers 503 with {@code Retry-After}; an unexpected error answers 500. Both
 * carry a reference to the log line and nothing else: no stack trace, no exception text that could
 * carry a secret, a connection string or an internal path.
 */
public class ProblemMappers {

    /** Seconds a client should wait before asking again while the database is away. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("Duplicate field '(.*?)'");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(new Problem(e.status(), e.title(), Redactor.redact(e.getMessage())));
    }

    @ServerExceptionMapper
    public Response locked(ResourceLockedException e) {
        return respond(new Problem(409, "locked",
                e.resource() + " is held by run " + e.holderRunId(), e.holderRunId(), null));
    }

    @ServerExceptionMapper
    public Response databaseUnavailable(DatabaseUnavailableException e) {
        return databaseUnavailable(e.getMessage(), e);
    }

    @ServerExceptionMapper
    public Response configInvalid(ConfigInvalidException e) {
        return respond(new Problem(503, "config invalid", e.getMessage(), null,
                e.violations().stream().map(ConfigViolation::toString).toList()));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(new Problem(400, "unknown field",
                "unknown field '" + e.getPropertyName() + "'" + where(e)));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return respond(new Problem(400, "bad request", "invalid value" + where(e) + ": " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(message);
        if (duplicate.find()) {
            return respond(new Problem(400, "duplicate key", "the key '" + printable(duplicate.group(1))
                    + "' appears twice in one JSON object; send it once"));
        }
        return respond(new Problem(400, "bad request", "malformed JSON: " + printable(message)));
    }

    /** Jackson quotes what it could not read; a NUL or other control character goes back as '?'. */
    private static String printable(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]", "?");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        // the JSON body reader wraps what Jackson could not read in a bare 400; say what it was
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            if (json instanceof UnrecognizedPropertyException unknown) {
                return unknownField(unknown);
            }
            if (json instanceof MismatchedInputException mismatched) {
                return mismatchedInput(mismatched);
            }
            return unreadableJson(json);
        }
        if (status >= 500) {
            return unexpected(e);
        }
        String title = original.getStatusInfo().getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        return respond(new Problem(status, title, Redactor.redact(e.getMessage())));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.explains(e)) {
            return databaseUnavailable("the request cannot be served: the database is unavailable", e);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return respond(new Problem(500, "internal error", "unexpected error; see the service log, reference " + reference));
    }

    /**
     * An outage, not a bug: logged as a warning with the driver's one-line reason (no stack trace);
     * the answer says what could not be done and when to try again, never the driver's text.
     */
    private static Response databaseUnavailable(String whatCannotBeDone, Throwable e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.warnf("database unavailable, reference %s: %s (%s)", reference, whatCannotBeDone, reasons(e));
        Problem problem = new Problem(503, "database unavailable", Redactor.redact(whatCannotBeDone)
                + "; try again when it is back (see the service log, reference " + reference + ")");
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS).entity(problem).build();
    }

    /** Every cause on one line, e.g. "IllegalStateException: runs table: ... / PSQLException: Connection ... refused". */
    private static String reasons(Throwable e) {
        StringBuilder line = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (!line.isEmpty()) {
                line.append(" / ");
            }
            line.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return Redactor.redact(line.toString());
    }

    private static String where(JsonMappingException e) {
        if (e.getPath() == null || e.getPath().isEmpty()) {
            return "";
        }
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return " at " + path.replace(".[", "[");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(problem).build();
    }
}
