package io.openclaw.hq.llm.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.platform.secrets.SecretResolver;
import java.net.http.HttpClient;
import java.time.Duration;

/** A local Ollama on loopback (its OpenAI-compatible API); no key, general work only, never review. */
public final class OllamaProvider extends OpenAiCompatibleProvider {

    public OllamaProvider(String apiBase, Duration timeout, HttpClient http, SecretResolver secrets, ObjectMapper json) {
        super(ProviderName.OLLAMA, apiBase, timeout, http, secrets, json);
    }
}
