package io.openclaw.hq.notify.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** Pushover's message API. Package-private: {@link PushoverClient} is the only caller. */
@RegisterRestClient(configKey = "pushover")
@Path("/1/messages.json")
interface PushoverApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(MultivaluedMap<String, String> form);

    /** 4xx → permanent, 5xx → retryable; the body (Pushover's {@code errors}) goes along, redacted. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() < 400) {
            return null;
        }
        String body = "";
        try {
            body = response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            // the status alone still classifies the failure
        }
        return ProviderErrors.classify(response.getStatus(), body);
    }
}
