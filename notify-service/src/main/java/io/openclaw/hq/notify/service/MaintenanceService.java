package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.model.MaintenanceRequest;
import io.openclaw.hq.notify.model.MaintenanceWindow;
import io.openclaw.hq.notify.store.MaintenanceStore;
import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maintenance windows: a checkId glob and an end time. Alerts for matching checks are suppressed until it passes. */
@ApplicationScoped
public class MaintenanceService {

    static final int MAX_REASON = 200;

    private final MaintenanceStore store;
    private final NotifyConfig config;
    private final Clock clock;

    public MaintenanceService(MaintenanceStore store, NotifyConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    public MaintenanceWindow open(MaintenanceRequest request, String actor) {
        if (request == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        if (request.checkIdPattern() == null || !CheckIdGlob.ALLOWED.matcher(request.checkIdPattern()).matches()) {
            problems.add("checkIdPattern must be 1-128 of A-Z a-z 0-9 . _ : / - and the wildcards * ?");
        }
        if (request.endsAt() == null) {
            problems.add("endsAt is required (ISO-8601, e.g. 2026-01-31T18:00:00Z)");
        } else if (!request.endsAt().isAfter(now)) {
            problems.add("endsAt must be in the future, was " + request.endsAt());
        } else if (Duration.between(now, request.endsAt()).compareTo(config.maintenance().maxDuration()) > 0) {
            problems.add("endsAt must be at most " + config.maintenance().maxDuration().toHours() + " h from now");
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON) {
            problems.add("reason must be at most " + MAX_REASON + " characters, was " + request.reason().length());
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        return store.insert(request.checkIdPattern(), request.reason(), now, request.endsAt(), actor);
    }

    public List<MaintenanceWindow> active() {
        return store.active(clock.instant());
    }

    public void close(long id) {
        if (!store.delete(id, clock.instant())) {
            throw ProblemException.notFound("no active maintenance window " + id);
        }
    }

    public boolean covers(String checkId, Instant at) {
        for (MaintenanceWindow window : store.active(at)) {
            if (CheckIdGlob.compile(window.checkIdPattern()).matches(checkId)) {
                return true;
            }
        }
        return false;
    }
}
