package io.openclaw.hq.gateway.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How inbound SMS reach HQ: polled from Twilio (outbound only), the webhook only when asked for. */
@ConfigMapping(prefix = "gateway.sms-inbound")
public interface SmsInboundConfig {

    /**
     * {@code POST /api/sms} (Twilio calling in). Off by default: a tailnet-only HQ cannot be
     * reached by Twilio, and the reference forbids inbound webhooks; the poller reads the same
     * messages instead.
     */
    @WithDefault("false")
    boolean webhookEnabled();

    Poll poll();

    interface Poll {
        /** Poll Twilio's Messages list in the background. */
        @WithDefault("true")
        boolean enabled();

        /** Twilio's REST API; a test points it at WireMock. */
        @WithDefault("https://api.twilio.com")
        String twilioUrl();

        /** Between two polls while all is well. */
        @WithDefault("PT20S")
        Duration interval();

        /** The longest wait after failures (doubling from the interval) or a 429. */
        @WithDefault("PT10M")
        Duration maxBackoff();

        /** Messages per page asked of Twilio. */
        @WithDefault("50")
        int pageSize();

        /** Pages followed in one poll at most; the rest waits for the next poll. */
        @WithDefault("20")
        int maxPages();

        /** A command older than this when first read is recorded but not run (sent during an outage). */
        @WithDefault("PT15M")
        Duration maxAge();

        /** Consecutive failed polls before an alert goes out through notify-service. */
        @WithDefault("3")
        int alertAfter();

        /** Read timeout of one call to Twilio. */
        @WithDefault("PT10S")
        Duration timeout();
    }
}
