package io.openclaw.hq.soma.mirror;

/** A source item and its twin in the target; {@code pairedBy}: identity, title or position. */
public record IdentityPair(String level, String sourceId, String targetId, String pairedBy) {
}
