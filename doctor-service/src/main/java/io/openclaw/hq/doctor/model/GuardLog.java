package io.openclaw.hq.doctor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** GET /guard/log: the last lines, oldest first, as text and as entries. */
@RegisterForReflection
public record GuardLog(List<String> lines, List<GuardEntry> entries) {
}
