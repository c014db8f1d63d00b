package io.openclaw.hq.llm.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One request to a provider's {@code /chat/completions}: the OpenAI-shaped body with model, caps
 * and stream flag already set by the router.
 */
public record ProviderCall(ObjectNode body, boolean stream, long promptChars, int maxOutputTokens) {
}
