package io.openclaw.hq.notify.model;

/** What the operator last heard about a check: the state they believe it is in. */
public enum NotifiedState {
    OK, WARN, FAIL, FLAPPING;

    public static NotifiedState of(AlertStatus status) {
        return valueOf(status.name());
    }

    public boolean isProblem() {
        return this != OK;
    }
}
