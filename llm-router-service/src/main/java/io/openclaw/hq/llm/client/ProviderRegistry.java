package io.openclaw.hq.llm.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.config.LlmConfigHolder;
import io.openclaw.hq.llm.config.RouterSettings;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderException;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The provider objects, built once from the validated config. A provider that is not enabled in
 * llm.json is never handed out, so it can never be called.
 */
@ApplicationScoped
public class ProviderRegistry {

    private static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private final LlmConfigHolder config;
    private final RouterSettings settings;
    private final ProviderTransport transport;
    private final Map<ProviderName, LlmProvider> built = new EnumMap<>(ProviderName.class);

    public ProviderRegistry(LlmConfigHolder config, RouterSettings settings, SecretResolver secrets, ObjectMapper json,
            UpstreamHttp whole) {
        this.config = config;
        this.settings = settings;
        HttpClient streams = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(settings.connectTimeoutMs()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.transport = new ProviderTransport(whole, streams, secrets, json);
    }

    public synchronized LlmProvider enabled(ProviderName name) {
        LlmConfig current = config.require();
        if (!current.isEnabled(name)) {
            throw new ProviderException(name, ErrorClass.NON_TRANSIENT, null,
                    "provider " + name.wire() + " is not in enabledProviders of config/llm.json");
        }
        return built.computeIfAbsent(name, n -> build(n, current));
    }

    /** The API base a provider is called at: llm.json, unless a Quarkus override points it elsewhere. */
    public String apiBase(ProviderName name, LlmConfig current) {
        String override = settings.apiBaseOverride().get(name.wire());
        if (override != null && !override.isBlank()) {
            return override;
        }
        return current.providers().of(name).map(LlmConfig.ProviderSettings::apiBase)
                .orElseThrow(() -> new ProviderException(name, ErrorClass.NON_TRANSIENT, null,
                        "providers." + name.wire() + " is missing in config/llm.json"));
    }

    private LlmProvider build(ProviderName name, LlmConfig current) {
        String base = apiBase(name, current);
        int seconds = current.providers().of(name).map(LlmConfig.ProviderSettings::timeoutSeconds)
                .orElse(DEFAULT_TIMEOUT_SECONDS);
        Duration timeout = Duration.ofSeconds(seconds);
        return switch (name) {
            case OPENAI -> new OpenAiProvider(base, timeout, transport);
            case MISTRAL -> new MistralProvider(base, timeout, transport);
            case MOONSHOT -> new MoonshotProvider(base, timeout, transport);
            case OLLAMA -> new OllamaProvider(base, timeout, transport);
        };
    }
}
