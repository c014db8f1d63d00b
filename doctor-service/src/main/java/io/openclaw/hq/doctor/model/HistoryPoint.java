package io.openclaw.hq.doctor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How often one check passed, warned and failed on one UTC day. */
@RegisterForReflection
public record HistoryPoint(String date, String checkId, int pass, int warn, int fail) {
}
