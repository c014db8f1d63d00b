package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.store.DeliveryStore;
import io.openclaw.hq.notify.store.MaintenanceStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * At start-up: a delivery still {@code sending} belonged to a process that stopped mid-send; it
 * becomes {@code interrupted}, visibly, and is not sent again (it may have arrived). Expired
 * maintenance windows are dropped at the same time.
 */
@ApplicationScoped
public class DeliveryRecovery {

    private static final Logger LOG = Logger.getLogger(DeliveryRecovery.class);

    private final DeliveryStore deliveries;
    private final MaintenanceStore maintenance;
    private final Clock clock;

    public DeliveryRecovery(DeliveryStore deliveries, MaintenanceStore maintenance, Clock clock) {
        this.deliveries = deliveries;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        int interrupted = deliveries.interruptInFlight(clock.instant());
        if (interrupted > 0) {
            LOG.warnf("%d deliveries were in flight when the service last stopped; marked interrupted", interrupted);
        }
        maintenance.purgeExpired(clock.instant());
    }
}
