package io.openclaw.hq.doctor.audit;

/** Where a listening address can be reached from. Only LOOPBACK and TAILNET are private. */
public enum AddressClass {
    LOOPBACK, TAILNET, WILDCARD, PUBLIC;

    public boolean isPrivate() {
        return this == LOOPBACK || this == TAILNET;
    }
}
