package io.openclaw.hq.platform.locks;

/** The typed answer to taking a resource lock: it is yours, or someone else's run holds it. */
public sealed interface LockAttempt permits LockAttempt.Acquired, LockAttempt.Locked {

    record Acquired(LockHandle handle) implements LockAttempt {
    }

    /**
     * {@code holderRunId} is "unknown" only when the lock stayed held without a note for the few
     * tries {@link ResourceLocks#tryAcquire} makes (a holder stuck between its lock and its note).
     */
    record Locked(String resource, String holderRunId) implements LockAttempt {
    }
}
