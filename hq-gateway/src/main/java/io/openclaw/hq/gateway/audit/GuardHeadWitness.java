package io.openclaw.hq.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The host guard's record of the chain's newest entry, fetched from doctor-service (which mounts
 * the guard's log read-only), checked against the stored chain. Whatever goes wrong on the way is
 * a visible {@code not_checked} with the reason, never a silent pass.
 */
@ApplicationScoped
public class GuardHeadWitness {

    private final HostGuardApi doctor;

    public GuardHeadWitness(@RestClient HostGuardApi doctor) {
        this.doctor = doctor;
    }

    public GuardHeadCheck check(List<AuditEntry> entries) {
        JsonNode state;
        try (Response response = doctor.host(1)) {
            if (response.getStatus() != 200) {
                return GuardHeadCheck.notChecked("doctor-service answered " + response.getStatus() + " for GET /guard/host");
            }
            state = response.readEntity(JsonNode.class);
        } catch (jakarta.ws.rs.WebApplicationException e) {
            return GuardHeadCheck.notChecked("doctor-service answered " + e.getResponse().getStatus() + " for GET /guard/host");
        } catch (RuntimeException e) {
            return GuardHeadCheck.notChecked("doctor-service unreachable (" + e.getClass().getSimpleName() + ")");
        }
        if (!state.path("readable").asBoolean(false)) {
            return GuardHeadCheck.notChecked("the host guard's log cannot be read: " + state.path("error").asText("no reason given"));
        }
        JsonNode head = state.path("auditHead");
        if (!head.isObject() || !head.path("seq").canConvertToLong() || !head.path("hash").isTextual()) {
            return GuardHeadCheck.notChecked("the host guard has not recorded an audit head yet");
        }
        Instant at;
        try {
            at = Instant.parse(head.path("recordedAt").asText());
        } catch (java.time.format.DateTimeParseException e) {
            return GuardHeadCheck.notChecked("the host guard's audit head has no valid time");
        }
        return AuditChain.checkHead(entries, head.path("seq").asLong(), head.path("hash").asText(), at);
    }
}
