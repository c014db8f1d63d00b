package io.openclaw.hq.llm.rest;

import io.openclaw.hq.llm.client.CallAdmission;
import io.openclaw.hq.llm.client.CallsInFlightException;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderException;
import io.openclaw.hq.llm.review.ReviewAnswerInvalidException;
import io.openclaw.hq.llm.service.ReviewFailClosedException;
import io.openclaw.hq.platform.errors.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Provider failures and review refusals in the platform's problem shape. The upstream's own
 * status is named in the detail; the class travels in {@code X-OpenClaw-Error-Class}.
 */
public class RouterErrorMappers {

    @ServerExceptionMapper
    public Response providerFailed(ProviderException e) {
        int status = switch (e.errorClass()) {
            case TRANSIENT_QUOTA -> 429;
            case TRANSIENT_SERVER -> 502;
            case TRANSIENT_NETWORK -> 504;
            case MISSING_KEY -> 503;
            case NON_TRANSIENT -> e.httpStatus() == null ? 503 : 502;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .header(OpenClawHeaders.ERROR_CLASS, e.errorClass().wire())
                .header(OpenClawHeaders.PROVIDER, e.provider().wire())
                .entity(new Problem(status, "upstream " + e.errorClass().wire(), e.describe()))
                .build();
    }

    /** Refused by admission control: nothing was sent upstream, the caller may simply try again. */
    @ServerExceptionMapper
    public Response tooManyCallsInFlight(CallsInFlightException e) {
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", Integer.toString(CallAdmission.RETRY_AFTER_SECONDS))
                .entity(new Problem(429, "router busy", e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response reviewFailedClosed(ReviewFailClosedException e) {
        ErrorClass primary = e.primary().errorClass();
        return Response.status(502).type(MediaType.APPLICATION_JSON_TYPE)
                .header(OpenClawHeaders.ERROR_CLASS, primary.wire())
                .entity(new Problem(502, "review failed closed", e.getMessage(), e.routerRunId(), null))
                .build();
    }

    @ServerExceptionMapper
    public Response reviewAnswerInvalid(ReviewAnswerInvalidException e) {
        return Response.status(502).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new Problem(502, "review answer invalid", e.getMessage(), e.routerRunId(), e.violations()))
                .build();
    }
}
