package io.openclaw.hq.llm.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderCall;
import io.openclaw.hq.llm.model.ProviderException;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.llm.model.ProviderReply;
import io.openclaw.hq.llm.model.Usage;
import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The four vendors all speak OpenAI's {@code /chat/completions}; what differs (key or none,
 * stream options) is overridden by each subclass. The key is resolved on every call, so a key
 * rotated on the host is used at once and a key removed stops calls at once.
 */
public abstract class OpenAiCompatibleProvider implements LlmProvider {

    private static final int MAX_ERROR_CHARS = 300;

    private final ProviderName name;
    private final URI chatUri;
    private final URI modelsUri;
    private final Duration timeout;
    private final HttpClient http;
    private final SecretResolver secrets;
    private final ObjectMapper json;

    protected OpenAiCompatibleProvider(ProviderName name, String apiBase, Duration timeout, HttpClient http,
            SecretResolver secrets, ObjectMapper json) {
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.name = name;
        this.chatUri = URI.create(base + "/chat/completions");
        this.modelsUri = URI.create(base + "/models");
        this.timeout = timeout;
        this.http = http;
        this.secrets = secrets;
        this.json = json;
    }

    @Override
    public ProviderName name() {
        return name;
    }

    /** Provider-specific changes to the outgoing body (OpenAI asks for usage in streams). */
    protected ObjectNode adapt(ObjectNode body, boolean stream) {
        return body;
    }

    @Override
    public ProviderReply complete(ProviderCall call) {
        HttpRequest request = post(call, false);
        long start = System.nanoTime();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        long upstream = System.nanoTime() - start;
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw refused(status, new String(response.body(), StandardCharsets.UTF_8));
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException(name, ErrorClass.NON_TRANSIENT, status, "malformed body: not JSON");
        }
        if (body == null || !body.path("choices").isArray() || body.path("choices").isEmpty()) {
            throw new ProviderException(name, ErrorClass.NON_TRANSIENT, status, "malformed body: no choices");
        }
        return new ProviderReply(body, usageOf(body), upstream);
    }

    @Override
    public UpstreamStream openStream(ProviderCall call) {
        HttpRequest request = post(call, true);
        long start = System.nanoTime();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            String text;
            try (InputStream in = response.body()) {
                text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
            throw refused(status, text);
        }
        return new UpstreamStream(response.body(), System.nanoTime() - start);
    }

    @Override
    public ProbeResult probe() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(modelsUri).timeout(Duration.ofSeconds(10)).GET();
        authorize(builder);
        try {
            HttpResponse<Void> response = http.send(builder.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status <= 299) {
                return ProbeResult.ok();
            }
            ErrorClass errorClass = ErrorClassifier.ofStatus(status);
            String state = errorClass == ErrorClass.TRANSIENT_QUOTA ? "DEGRADED" : "DOWN";
            return new ProbeResult(state, errorClass, status, "HTTP " + status);
        } catch (IOException e) {
            return new ProbeResult("DOWN", ErrorClassifier.ofFailure(e), null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult("DOWN", ErrorClass.TRANSIENT_NETWORK, null, "interrupted");
        }
    }

    /** The key, or a non-transient refusal naming where it should be: never a call without it. */
    protected Optional<Secret> key() {
        if (!name.needsKey()) {
            return Optional.empty();
        }
        return Optional.of(secrets.resolve(name.secretName()).orElseThrow(() -> new ProviderException(name,
                ErrorClass.MISSING_KEY, null, name.secretName().toUpperCase(java.util.Locale.ROOT)
                        + " is not set (environment or secrets file " + name.secretName() + ")")));
    }

    private void authorize(HttpRequest.Builder builder) {
        key().ifPresent(secret -> builder.header("Authorization", "Bearer " + secret.reveal()));
    }

    private HttpRequest post(ProviderCall call, boolean stream) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(adapt(call.body().deepCopy(), stream));
        } catch (IOException e) {
            throw new ProviderException(name, ErrorClass.NON_TRANSIENT, null, "request not serialisable");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(chatUri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        authorize(builder);
        return builder.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new ProviderException(name, ErrorClassifier.ofFailure(e), null,
                    "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(name, ErrorClass.TRANSIENT_NETWORK, null, "interrupted");
        }
    }

    private ProviderException refused(int status, String body) {
        String message = body;
        try {
            JsonNode parsed = json.readTree(body);
            if (parsed != null && parsed.path("error").path("message").isTextual()) {
                message = parsed.path("error").path("message").asText();
            }
        } catch (IOException ignored) {
            // not JSON: the raw text, shortened below
        }
        if (message.length() > MAX_ERROR_CHARS) {
            message = message.substring(0, MAX_ERROR_CHARS) + " [shortened from " + message.length() + " chars]";
        }
        return new ProviderException(name, ErrorClassifier.ofStatus(status), status, message.isBlank() ? "no detail" : message);
    }

    static Optional<Usage> usageOf(JsonNode body) {
        JsonNode usage = body.path("usage");
        if (!usage.isObject() || !usage.path("prompt_tokens").canConvertToLong()
                || !usage.path("completion_tokens").canConvertToLong()) {
            return Optional.empty();
        }
        return Optional.of(new Usage(usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong()));
    }
}
