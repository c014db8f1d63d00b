package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.client.ProviderRejectedException;
import io.openclaw.hq.notify.client.ProviderUnavailableException;
import io.openclaw.hq.notify.client.PushoverClient;
import io.openclaw.hq.notify.client.PushoverMessage;
import io.openclaw.hq.notify.client.SmsMessage;
import io.openclaw.hq.notify.client.TwilioSmsClient;
import io.openclaw.hq.notify.model.DeliveryOutcome;
import io.openclaw.hq.notify.store.DeliveryStore;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Calls a provider for one delivery row that is already recorded as {@code sending}, and writes the
 * outcome to that row. Every failure ends as a row with a redacted reason; nothing escapes.
 */
@ApplicationScoped
public class ChannelSender {

    private static final Logger LOG = Logger.getLogger(ChannelSender.class);

    /** The outcome of one provider call. */
    public record Sent(DeliveryOutcome outcome, Integer providerStatus, String reference, String error) {
    }

    private final PushoverClient pushover;
    private final TwilioSmsClient twilio;
    private final DeliveryStore deliveries;
    private final Clock clock;

    public ChannelSender(PushoverClient pushover, TwilioSmsClient twilio, DeliveryStore deliveries, Clock clock) {
        this.pushover = pushover;
        this.twilio = twilio;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Sent pushover(long deliveryId, PushoverMessage message, PushoverCredentials credentials) {
        return record(deliveryId, "Pushover", () -> pushover.send(message, credentials));
    }

    public Sent sms(long deliveryId, SmsMessage message, TwilioCredentials credentials) {
        return record(deliveryId, "Twilio", () -> twilio.send(message, credentials));
    }

    private Sent record(long deliveryId, String provider, Supplier<String> call) {
        Sent sent;
        try {
            String reference = call.get();
            sent = new Sent(DeliveryOutcome.SENT, 200, reference, null);
        } catch (ProviderRejectedException e) {
            sent = new Sent(DeliveryOutcome.FAILED, e.status(), null, provider + " refused the message: " + e.getMessage());
        } catch (ProviderUnavailableException e) {
            sent = new Sent(DeliveryOutcome.FAILED, e.status() == 0 ? null : e.status(), null,
                    provider + " unavailable after retries: " + e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            sent = new Sent(DeliveryOutcome.FAILED, null, null,
                    provider + " not called: it failed repeatedly just before (circuit open)");
        } catch (TimeoutException e) {
            sent = new Sent(DeliveryOutcome.FAILED, null, null, provider + " did not answer in time, after retries");
        } catch (RuntimeException e) {
            LOG.warnf("delivery %d to %s failed unexpectedly: %s", deliveryId, provider, e.toString());
            sent = new Sent(DeliveryOutcome.FAILED, null, null,
                    provider + " call failed: " + e.getClass().getSimpleName());
        }
        String error = Redactor.redact(sent.error());
        deliveries.finish(deliveryId, sent.outcome(), sent.providerStatus(), sent.reference(), error, clock.instant());
        return new Sent(sent.outcome(), sent.providerStatus(), sent.reference(), error);
    }
}
