package io.openclaw.hq.platform.notify;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** notify-service's POST /alerts body. status FAIL|WARN|OK; severity info|warning|critical|emergency. */
@RegisterForReflection
public record AlertRequest(String checkId, String status, String severity, String title, String message, String source) {
}
