package io.openclaw.hq.llm.model;

/** Token counts a provider reported for one call. */
public record Usage(long promptTokens, long completionTokens) {
}
