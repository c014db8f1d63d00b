package io.openclaw.hq.doctor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** One doctor run over all 9 checks, as kept in artifacts/doctor/<run>/doctor.json and PostgreSQL. */
@RegisterForReflection
public record DoctorReport(String runId, String target, String mode, Instant startedAt, long durationMs,
        CheckStatus status, String summary, Posture posture, List<CheckResult> checks) {

    public DoctorReport {
        checks = List.copyOf(checks);
    }

    public List<CheckResult> failing() {
        return checks.stream().filter(c -> c.status() == CheckStatus.FAIL).toList();
    }
}
