package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.model.ProviderName;
import java.time.Duration;

/** A local Ollama on loopback (its OpenAI-compatible API); no key, general work only, never review. */
public final class OllamaProvider extends OpenAiCompatibleProvider {

    public OllamaProvider(String apiBase, Duration timeout, ProviderTransport transport) {
        super(ProviderName.OLLAMA, apiBase, timeout, transport);
    }
}
