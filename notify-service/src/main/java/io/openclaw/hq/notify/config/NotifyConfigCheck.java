package io.openclaw.hq.notify.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start with settings a provider would refuse later: an emergency that Pushover rejects
 * (retry under 30 s, expire over 3 h) would otherwise only show up when the house is on fire.
 */
@ApplicationScoped
public class NotifyConfigCheck {

    static final Duration PUSHOVER_MIN_RETRY = Duration.ofSeconds(30);
    static final Duration PUSHOVER_MAX_EXPIRE = Duration.ofHours(3);

    void onStart(@Observes StartupEvent event, NotifyConfig config) {
        List<String> problems = problems(config.pushover().emergencyRetry(), config.pushover().emergencyExpire(),
                Math.min(config.pushover().workers(), config.twilio().workers()), config.deliveryWait());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("notify-service configuration is invalid: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Duration emergencyRetry, Duration emergencyExpire, int fewestWorkers,
            Duration deliveryWait) {
        List<String> problems = new ArrayList<>();
        if (emergencyRetry.compareTo(PUSHOVER_MIN_RETRY) < 0) {
            problems.add("notify.pushover.emergency-retry must be at least 30s");
        }
        if (emergencyExpire.compareTo(PUSHOVER_MAX_EXPIRE) > 0 || emergencyExpire.compareTo(emergencyRetry) < 0) {
            problems.add("notify.pushover.emergency-expire must be between emergency-retry and 3h");
        }
        if (fewestWorkers < 1) {
            problems.add("notify.pushover.workers and notify.twilio.workers must be at least 1");
        }
        if (deliveryWait.isNegative() || deliveryWait.isZero()) {
            problems.add("notify.delivery-wait must be positive");
        }
        return problems;
    }
}
