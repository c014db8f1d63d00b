package io.openclaw.hq.llm.model;

import io.openclaw.hq.platform.secrets.Redactor;

/** A provider call that failed, with its class; the message is redacted when the exception is made. */
public class ProviderException extends RuntimeException {

    private final ProviderName provider;
    private final ErrorClass errorClass;
    private final Integer httpStatus;

    public ProviderException(ProviderName provider, ErrorClass errorClass, Integer httpStatus, String message) {
        super(Redactor.redact(message), null, false, false);
        this.provider = provider;
        this.errorClass = errorClass;
        this.httpStatus = httpStatus;
    }

    public ProviderName provider() {
        return provider;
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    /** "openai: HTTP 429 (transient_quota): rate limited", for artifacts and problem details. */
    public String describe() {
        return provider.wire() + ": " + (httpStatus == null ? "" : "HTTP " + httpStatus + " ")
                + "(" + errorClass.wire() + ") " + getMessage();
    }
}
