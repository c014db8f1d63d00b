package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.model.ProviderName;
import java.time.Duration;

/** Kimi, disabled by default; general work only, never review. */
public final class MoonshotProvider extends OpenAiCompatibleProvider {

    public MoonshotProvider(String apiBase, Duration timeout, ProviderTransport transport) {
        super(ProviderName.MOONSHOT, apiBase, timeout, transport);
    }
}
