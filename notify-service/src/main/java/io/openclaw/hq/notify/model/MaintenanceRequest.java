package io.openclaw.hq.notify.model;

import java.time.Instant;

/** {@code POST /maintenance}: silence checks matching a glob ({@code *}, {@code ?}) until {@code endsAt}. */
public record MaintenanceRequest(String checkIdPattern, Instant endsAt, String reason) {
}
