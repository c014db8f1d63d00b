package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.model.AlertRequest;
import io.openclaw.hq.notify.model.AlertResult;
import io.openclaw.hq.notify.model.Channel;
import io.openclaw.hq.notify.model.AlertState;
import io.openclaw.hq.notify.model.ChannelResult;
import io.openclaw.hq.notify.model.DeliveryOutcome;
import io.openclaw.hq.notify.store.AlertStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import io.quarkus.runtime.Startup;

/**
 * {@code POST /alerts}: decide under the check's lock, store the new state, and only then send. The
 * state is committed before any provider is called, so a second report racing this one sees it and
 * stays quiet, and a restart changes nothing. If not one channel delivered the notification, the
 * operator's view is put back so the next report tries again. Started eagerly so that a nonsensical
 * alert configuration stops the service at start-up, not at the first alert.
 */
@Startup
@ApplicationScoped
public class AlertService {

    private final AlertStateStore states;
    private final MaintenanceService maintenance;
    private final NotificationRuns runs;
    private final Clock clock;
    private final AlertPolicy policy;
    private final ChannelRouting routing;

    public AlertService(AlertStateStore states, MaintenanceService maintenance, NotificationRuns runs,
            NotifyConfig config, Clock clock) {
        this.states = states;
        this.maintenance = maintenance;
        this.runs = runs;
        this.clock = clock;
        this.policy = new AlertPolicy(config.rateLimitWindow(), config.reminderInterval(),
                config.flapping().changes(), config.flapping().window());
        this.routing = new ChannelRouting(config.routing().pushoverMinSeverity(), config.routing().smsMinSeverity());
    }

    /**
     * Every channel tried and none delivered (at least one failed): the operator heard nothing, so the
     * state must not say they did. Channels that are not configured do not count as tried.
     */
    static boolean nothingArrived(List<ChannelResult> channels) {
        boolean anyFailed = channels.stream().anyMatch(c -> c.outcome() == DeliveryOutcome.FAILED);
        boolean anyDelivered = channels.stream().anyMatch(c -> c.outcome() == DeliveryOutcome.SENT
                || c.outcome() == DeliveryOutcome.DRY_RUN || c.outcome() == DeliveryOutcome.SENDING);
        return anyFailed && !anyDelivered;
    }

    public AlertResult handle(AlertRequest request, String actor) {
        RequestValidation.check(request);
        Instant now = clock.instant();
        boolean inMaintenance = maintenance.covers(request.checkId(), now);
        AtomicReference<AlertState> before = new AtomicReference<>();
        AlertDecision decision = states.update(request.checkId(), prior -> {
            before.set(prior.orElse(null));
            return policy.decide(prior.orElse(null), request.checkId(), request.status(), request.severity(), now,
                    inMaintenance);
        }, AlertDecision::next);
        List<Channel> channels = routing.channelsFor(decision.routeSeverity());
        if (!decision.notifies()) {
            List<ChannelResult> suppressed = channels.stream()
                    .map(c -> ChannelResult.suppressed(c, decision.suppressed())).toList();
            return new AlertResult(request.checkId(), request.status(), null, decision.suppressed(), null, suppressed);
        }
        Notification notification = new Notification(decision.notification(), request.checkId(),
                decision.routeSeverity(), request.title(), request.message(), request.source());
        NotificationRuns.Outcome sent = runs.deliver(notification, channels, actor);
        if (nothingArrived(sent.channels())) {
            states.revertNotification(decision.next(), before.get());
        }
        return new AlertResult(request.checkId(), request.status(), decision.notification(), null, sent.runId(),
                sent.channels());
    }
}
