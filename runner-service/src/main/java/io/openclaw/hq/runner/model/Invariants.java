package io.openclaw.hq.runner.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What held for the worktree after the wrapper ran: still read-only, and no file changed. */
@RegisterForReflection
public record Invariants(boolean readOnlyOk, boolean cleanTreeOk) {
}
