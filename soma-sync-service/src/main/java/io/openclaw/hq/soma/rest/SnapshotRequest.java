package io.openclaw.hq.soma.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** POST /soma/snapshot: {@code product} is a configured product's name or slug. */
@RegisterForReflection
public record SnapshotRequest(String product) {
}
