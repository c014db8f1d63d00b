package io.openclaw.hq.llm.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.model.ProviderName;
import java.time.Duration;

/** The review gate's primary and the default for general and vision work. */
public final class OpenAiProvider extends OpenAiCompatibleProvider {

    public OpenAiProvider(String apiBase, Duration timeout, ProviderTransport transport) {
        super(ProviderName.OPENAI, apiBase, timeout, transport);
    }

    /** Without this OpenAI sends no usage in a stream, and the call could not be settled at its real cost. */
    @Override
    protected ObjectNode adapt(ObjectNode body, boolean stream) {
        if (!stream || body.has("stream_options")) {
            return body;
        }
        ObjectNode adapted = body.deepCopy();
        adapted.putObject("stream_options").put("include_usage", true);
        return adapted;
    }
}
