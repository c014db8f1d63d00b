package io.openclaw.hq.llm.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A provider's successful answer: its bytes exactly as they came (what a chat client is sent), the
 * same parsed (what the router reads), and its usage when it reported one.
 */
public record ProviderReply(byte[] raw, JsonNode body, Optional<Usage> usage, long upstreamNanos) {

    /** The assistant's text of the first choice, or empty. */
    public String firstContent() {
        JsonNode content = body.path("choices").path(0).path("message").path("content");
        return content.isTextual() ? content.asText() : "";
    }
}
