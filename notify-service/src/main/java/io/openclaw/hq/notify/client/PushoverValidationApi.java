package io.openclaw.hq.notify.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * Pushover's user validation, the lightest call that proves the application token and the user key
 * together. Same host and timeouts as {@link PushoverApi} (configKey {@code pushover}).
 */
@RegisterRestClient(configKey = "pushover")
@Path("/1/users/validate.json")
interface PushoverValidationApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response validate(MultivaluedMap<String, String> form);

    /** Only the status matters here: the body is never read, it may repeat the token. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return response.getStatus() < 400 ? null : ProviderErrors.classify(response.getStatus(), "");
    }
}
