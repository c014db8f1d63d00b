package io.openclaw.hq.llm.service;

import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderException;
import io.openclaw.hq.platform.secrets.Redactor;

/**
 * The review gate said no because it could not get an answer: the primary failed and either the
 * failure was not transient, no fallback was possible, or the one fallback failed too.
 */
public class ReviewFailClosedException extends RuntimeException {

    private final ProviderException primary;
    private final String fallbackError;
    private final ErrorClass fallbackClass;
    private volatile String routerRunId;

    public ReviewFailClosedException(ProviderException primary, String fallbackError, ErrorClass fallbackClass) {
        super(message(primary, fallbackError), null, false, false);
        this.primary = primary;
        this.fallbackError = fallbackError == null ? null : Redactor.redact(fallbackError);
        this.fallbackClass = fallbackClass;
    }

    private static String message(ProviderException primary, String fallbackError) {
        String head = "review failed closed: primary " + primary.describe();
        if (!primary.errorClass().isTransient()) {
            return Redactor.redact(head + "; not transient, so no fallback was tried");
        }
        return Redactor.redact(head + "; fallback " + (fallbackError == null ? "not tried" : fallbackError));
    }

    public ProviderException primary() {
        return primary;
    }

    public String fallbackError() {
        return fallbackError;
    }

    public ErrorClass fallbackClass() {
        return fallbackClass;
    }

    public String routerRunId() {
        return routerRunId;
    }

    public ReviewFailClosedException inRun(String runId) {
        this.routerRunId = runId;
        return this;
    }
}
