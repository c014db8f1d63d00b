package io.openclaw.hq.llm.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.platform.secrets.SecretResolver;
import java.net.http.HttpClient;
import java.time.Duration;

/** The one review fallback (Devstral Small 2 by default), tried only after a transient OpenAI error. */
public final class MistralProvider extends OpenAiCompatibleProvider {

    public MistralProvider(String apiBase, Duration timeout, HttpClient http, SecretResolver secrets, ObjectMapper json) {
        super(ProviderName.MISTRAL, apiBase, timeout, http, secrets, json);
    }
}
