package io.openclaw.hq.notify.model;

/** What a check reported. Upper case on the wire, as the callers (doctor, guard) write it. */
public enum AlertStatus {
    FAIL, WARN, OK;

    public boolean isProblem() {
        return this != OK;
    }
}
