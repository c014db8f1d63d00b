package io.openclaw.hq.llm.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.platform.secrets.SecretResolver;
import java.net.http.HttpClient;
import java.time.Duration;

/** Kimi, disabled by default; general work only, never review. */
public final class MoonshotProvider extends OpenAiCompatibleProvider {

    public MoonshotProvider(String apiBase, Duration timeout, HttpClient http, SecretResolver secrets, ObjectMapper json) {
        super(ProviderName.MOONSHOT, apiBase, timeout, http, secrets, json);
    }
}
