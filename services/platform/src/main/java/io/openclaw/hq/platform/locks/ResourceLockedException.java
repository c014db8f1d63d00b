package io.openclaw.hq.platform.locks;

/** A resource is held by another run; answered as 409 carrying the holder's run id. */
public class ResourceLockedException extends RuntimeException {

    private final String resource;
    private final String holderRunId;

    public ResourceLockedException(String resource, String holderRunId) {
        super(resource + " is locked by run " + holderRunId);
        this.resource = resource;
        this.holderRunId = holderRunId;
    }

    public String resource() {
        return resource;
    }

    public String holderRunId() {
        return holderRunId;
    }
}
