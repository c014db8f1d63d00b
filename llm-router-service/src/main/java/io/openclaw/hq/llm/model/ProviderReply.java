package io.openclaw.hq.llm.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A provider's successful answer: the body as it came, and its usage when it reported one. */
public record ProviderReply(JsonNode body, Optional<Usage> usage, long upstreamNanos) {

    /** The assistant's text of the first choice, or empty. */
    public String firstContent() {
        JsonNode content = body.path("choices").path(0).path("message").path("content");
        return content.isTextual() ? content.asText() : "";
    }
}
