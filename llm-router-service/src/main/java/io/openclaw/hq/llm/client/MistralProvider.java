package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.model.ProviderName;
import java.time.Duration;

/** The one review fallback (Devstral Small 2 by default), tried only after a transient OpenAI error. */
public final class MistralProvider extends OpenAiCompatibleProvider {

    public MistralProvider(String apiBase, Duration timeout, ProviderTransport transport) {
        super(ProviderName.MISTRAL, apiBase, timeout, transport);
    }
}
