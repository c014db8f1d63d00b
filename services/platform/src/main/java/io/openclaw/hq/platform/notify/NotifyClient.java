package io.openclaw.hq.platform.notify;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Sends alerts to notify-service ({@code POST /alerts} with the internal token; configuration key
 * {@code notify}), for every service that raises them (doctor's guard and doctor, soma's workflows,
 * runner's jobs). notify owns rate limits and alert state. Every outcome (delivered, suppressed by
 * notify's rules, or not delivered and why) is an answer, never an exception that would change the
 * caller's run; one that did not reach notify is logged here as a warning. The guard writes the
 * answer into its log and reads {@link Delivery#notifyReachable()} to decide whether to alert
 * through Pushover itself.
 */
@ApplicationScoped
public class NotifyClient {

    private static final Logger LOG = Logger.getLogger(NotifyClient.class);

    /** What became of one alert, as a run's log writes it after the alert's name. */
    public record Delivery(String state, String why, boolean notifyReachable) {

        public Delivery(String state, String why) {
            this(state, why, true);
        }

        public static final String DELIVERED = "delivered";
        public static final String SUPPRESSED = "suppressed";
        public static final String NOT_DELIVERED = "not delivered";

        public String suffix() {
            return DELIVERED.equals(state) ? "" : " (" + state + (why == null || why.isBlank() ? "" : ": " + why) + ")";
        }
    }

    private final NotifyApi api;

    public NotifyClient(@RestClient NotifyApi api) {
        this.api = api;
    }

    public Delivery send(AlertRequest alert) {
        try (Response response = api.send(alert)) {
            if (response.getStatus() / 100 != 2) {
                return notDelivered(alert, "notify-service answered " + response.getStatus(), response.getStatus() < 500);
            }
            return read(response.readEntity(JsonNode.class));
        } catch (RuntimeException e) {
            // a 4xx/5xx answer is thrown as WebApplicationException, a dead service as ProcessingException
            // a 5xx or no answer at all is "unreachable": the guard then alerts through Pushover itself
            if (e instanceof WebApplicationException w) {
                int status = w.getResponse().getStatus();
                return notDelivered(alert, "notify-service answered " + status, status < 500);
            }
            return notDelivered(alert, "notify-service unreachable (" + e.getClass().getSimpleName() + ")", false);
        }
    }

    /** notify's answer: {@code delivery} (delivered, suppressed, pending, not_delivered) and {@code why}. */
    static Delivery read(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return new Delivery(Delivery.DELIVERED, null);
        }
        String delivery = answer.path("delivery").asText("");
        String why = answer.path("why").isTextual() ? answer.path("why").asText() : null;
        return switch (delivery) {
            case "suppressed" -> new Delivery(Delivery.SUPPRESSED, why);
            case "not_delivered" -> new Delivery(Delivery.NOT_DELIVERED, why);
            case "pending" -> new Delivery("still sending", why);
            default -> new Delivery(Delivery.DELIVERED, null);
        };
    }

    private static Delivery notDelivered(AlertRequest alert, String why, boolean reachable) {
        LOG.warnf("alert %s (%s) not delivered to notify-service: %s", alert.checkId(), alert.status(), why);
        return new Delivery(Delivery.NOT_DELIVERED, why, reachable);
    }
}
