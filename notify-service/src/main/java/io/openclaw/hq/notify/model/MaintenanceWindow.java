package io.openclaw.hq.notify.model;

import java.time.Instant;

public record MaintenanceWindow(long id, String checkIdPattern, String reason, Instant createdAt, Instant endsAt,
        String createdBy) {
}
