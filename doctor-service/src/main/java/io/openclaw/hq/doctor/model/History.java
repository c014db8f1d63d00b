package io.openclaw.hq.doctor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** GET /doctor/history: per check per UTC day, how many runs passed, warned and failed. */
@RegisterForReflection
public record History(int days, Instant since, List<String> checks, List<HistoryPoint> points) {
}
