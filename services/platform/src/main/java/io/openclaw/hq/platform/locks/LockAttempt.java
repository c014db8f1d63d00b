package io.openclaw.hq.platform.locks;

/** The typed answer to taking a resource lock: it is yours, or someone else's run holds it. */
public sealed interface LockAttempt permits LockAttempt.Acquired, LockAttempt.Locked {

    record Acquired(LockHandle handle) implements LockAttempt {
    }

    /** {@code holderRunId} is "unknown" only in the instant between the holder's lock and its note. */
    record Locked(String resource, String holderRunId) implements LockAttempt {
    }
}
