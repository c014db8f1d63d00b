package io.openclaw.hq.doctor.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public record HealRequest(String mode) {
}
