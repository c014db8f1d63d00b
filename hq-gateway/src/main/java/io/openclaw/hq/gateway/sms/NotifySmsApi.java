package io.openclaw.hq.gateway.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.auth.InternalTokenHeaderFactory;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The two things inbound SMS asks of notify-service: send the reply to a sender (who is on the
 * same allowlist notify checks), and raise or clear the poller's alert. Same base URL and internal
 * token as the gateway's other notify calls, but its own client ({@code notify-sms}): an alert may
 * take notify a few seconds to deliver, longer than the panels' one-second budget.
 */
@RegisterRestClient(configKey = "notify-sms")
@RegisterClientHeaders(InternalTokenHeaderFactory.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NotifySmsApi {

    @RegisterForReflection
    record SmsMessage(String to, String body) {
    }

    @RegisterForReflection
    record Alert(String checkId, String status, String severity, String title, String message, String source) {
    }

    @POST
    @Path("/messages/sms")
    JsonNode sendSms(SmsMessage message);

    @POST
    @Path("/alerts")
    JsonNode alert(Alert alert);
}
