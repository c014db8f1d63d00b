package io.openclaw.hq.soma.mirror;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One difference between the leading library (source, Home) and the following one (target,
 * Practitioner). {@code kind}: missing_in_target, missing_in_source, title_mismatch, order_drift,
 * publish_drift. A side that has no item is null.
 */
@RegisterForReflection
public record MirrorFinding(String kind, String level, Item source, Item target, String detail) {

    /** An item as a reader finds it: id, title, where it sits (module title and 1-based place). */
    @RegisterForReflection
    public record Item(String id, String title, String module, int place, boolean published) {
    }
}
