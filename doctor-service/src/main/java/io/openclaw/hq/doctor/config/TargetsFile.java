package io.openclaw.hq.doctor.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/** config/targets.json: the targets by name and which one the doctor talks to. */
@RegisterForReflection
public record TargetsFile(String active, Map<String, Target> targets) {
}
