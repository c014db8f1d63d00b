package io.openclaw.hq.notify.config;

import io.openclaw.hq.notify.model.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything notify-service decides by configuration; {@code %prod} values come from the environment. */
@ConfigMapping(prefix = "notify")
public interface NotifyConfig {

    /** Everything but the network call: state, delivery rows and runs are written, providers are not called. */
    @WithDefault("false")
    boolean dryRun();

    /** The same problem state for a check is not alerted twice within this window. */
    @WithDefault("30m")
    Duration rateLimitWindow();

    /** A check still failing this long after its last alert gets one "still failing" reminder. */
    @WithDefault("6h")
    Duration reminderInterval();

    Flapping flapping();

    Routing routing();

    Pushover pushover();

    Twilio twilio();

    Maintenance maintenance();

    /** How long POST /alerts waits for the channels before answering with what is still pending. */
    @WithDefault("60s")
    Duration deliveryWait();

    interface Flapping {
        /** This many state changes within {@link #window()} collapse into one "flapping" alert. */
        @WithDefault("4")
        int changes();

        /** Also how long a check must stay stable before it stops counting as flapping. */
        @WithDefault("60m")
        Duration window();
    }

    interface Routing {
        /** Pushover gets every notification of this severity and above. */
        @WithDefault("warning")
        Severity pushoverMinSeverity();

        /** SMS gets every notification of this severity and above. */
        @WithDefault("critical")
        Severity smsMinSeverity();
    }

    interface Pushover {
        /** Emergency (priority 2) re-alerts this often until acknowledged; Pushover's minimum is 30 s. */
        @WithDefault("60s")
        Duration emergencyRetry();

        /** Emergency re-alerting stops after this long; Pushover's maximum is 3 h. */
        @WithDefault("1h")
        Duration emergencyExpire();

        /** Threads sending to Pushover; a slow Pushover cannot take the SMS threads. */
        @WithDefault("4")
        int workers();
    }

    interface Twilio {
        /** The Twilio API's base URL; tests point it at WireMock. */
        @WithDefault("https://api.twilio.com")
        String apiBaseUrl();

        @WithDefault("5s")
        Duration connectTimeout();

        /** One attempt's limit; retries come on top. */
        @WithDefault("10s")
        Duration requestTimeout();

        @WithDefault("4")
        int workers();
    }

    interface Maintenance {
        /** The longest window accepted, so a typo cannot silence a check for a year. */
        @WithDefault("7d")
        Duration maxDuration();
    }
}
