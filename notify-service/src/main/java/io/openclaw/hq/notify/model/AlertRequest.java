package io.openclaw.hq.notify.model;

/** {@code POST /alerts}: one check's result, as doctor, guard, soma and runner report it. */
public record AlertRequest(String checkId, AlertStatus status, Severity severity, String title, String message,
        String source) {
}
