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
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The four vendors all speak OpenAI's {@code /chat/completions}; what differs (key or none,
 * stream options) is overridden by each subclass. The key is resolved on every call, so a key
 * rotated on the host is used at once and a key removed stops calls at once.
 */
public abstract class OpenAiCompatibleProvider implements LlmProvider {

    private static final int MAX_ERROR_CHARS = 300;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final ProviderName name;
    private final URI chatUri;
    private final URI modelsUri;
    private final Duration timeout;
    private final ProviderTransport transport;
    private final ObjectMapper json;

    protected OpenAiCompatibleProvider(ProviderName name, String apiBase, Duration timeout, ProviderTransport transport) {
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        this.name = name;
        this.chatUri = URI.create(base + "/chat/completions");
        this.modelsUri = URI.create(base + "/models");
        this.timeout = timeout;
        this.transport = transport;
        this.json = transport.json();
    }

    @Override
    public ProviderName name() {
        return name;
    }

    /**
     * The body as this provider wants it (OpenAI asks for usage in streams). Must not change its
     * argument, which a review's fallback sends again: an override that changes something copies.
     */
    protected ObjectNode adapt(ObjectNode body, boolean stream) {
        return body;
    }

    @Override
    public CompletionStage<ProviderReply> complete(ProviderCall call) {
        Future<UpstreamHttp.Answer> exchange;
        try {
            MultiMap headers = headers("application/json").add(HttpHeaders.CONTENT_TYPE, "application/json");
            exchange = transport.whole().exchange(HttpMethod.POST, chatUri, headers, Buffer.buffer(serialise(call, false)),
                    timeout);
        } catch (ProviderException e) {
            return CompletableFuture.failedFuture(e);
        }
        return exchange.recover(failure -> Future.failedFuture(noAnswer(failure)))
                .map(this::reply)
                .toCompletionStage();
    }

    private ProviderReply reply(UpstreamHttp.Answer answer) {
        int status = answer.status();
        if (status < 200 || status > 299) {
            throw refused(status, answer.body().toString(StandardCharsets.UTF_8));
        }
        byte[] raw = answer.body().getBytes();
        JsonNode body;
        try {
            body = json.readTree(raw);
        } catch (IOException e) {
            throw new ProviderException(name, ErrorClass.NON_TRANSIENT, status, "malformed body: not JSON");
        }
        if (body == null || !body.path("choices").isArray() || body.path("choices").isEmpty()) {
            throw new ProviderException(name, ErrorClass.NON_TRANSIENT, status, "malformed body: no choices");
        }
        return new ProviderReply(raw, body, usageOf(body), answer.nanos());
    }

    @Override
    public UpstreamStream openStream(ProviderCall call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(chatUri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(serialise(call, true)));
        key().ifPresent(secret -> builder.header("Authorization", "Bearer " + secret.reveal()));
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = transport.streams().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw noAnswer(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(name, ErrorClass.TRANSIENT_NETWORK, null, "interrupted");
        }
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
    public CompletionStage<ProbeResult> probe() {
        Future<UpstreamHttp.Answer> exchange;
        try {
            exchange = transport.whole().exchange(HttpMethod.GET, modelsUri, headers("application/json"), null, PROBE_TIMEOUT);
        } catch (ProviderException e) {
            return CompletableFuture.completedFuture(new ProbeResult("DOWN", e.errorClass(), null, e.getMessage()));
        }
        return exchange.map(answer -> {
            int status = answer.status();
            if (status >= 200 && status <= 299) {
                return ProbeResult.ok();
            }
            ErrorClass errorClass = ErrorClassifier.ofStatus(status);
            String state = errorClass == ErrorClass.TRANSIENT_QUOTA ? "DEGRADED" : "DOWN";
            return new ProbeResult(state, errorClass, status, "HTTP " + status);
        }).otherwise(failure -> new ProbeResult("DOWN", ErrorClassifier.ofFailure(failure), null,
                failure.getClass().getSimpleName())).toCompletionStage();
    }

    /** The key, or a non-transient refusal naming where it should be: never a call without it. */
    protected Optional<Secret> key() {
        if (!name.needsKey()) {
            return Optional.empty();
        }
        return Optional.of(transport.secrets().resolve(name.secretName()).orElseThrow(() -> new ProviderException(name,
                ErrorClass.MISSING_KEY, null, name.secretName().toUpperCase(Locale.ROOT)
                        + " is not set (environment or secrets file " + name.secretName() + ")")));
    }

    private MultiMap headers(String accept) {
        MultiMap headers = HttpHeaders.headers().add(HttpHeaders.ACCEPT, accept);
        key().ifPresent(secret -> headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + secret.reveal()));
        return headers;
    }

    private byte[] serialise(ProviderCall call, boolean stream) {
        try {
            return json.writeValueAsBytes(adapt(call.body(), stream));
        } catch (IOException e) {
            throw new ProviderException(name, ErrorClass.NON_TRANSIENT, null, "request not serialisable");
        }
    }

    private ProviderException noAnswer(Throwable failure) {
        return new ProviderException(name, ErrorClassifier.ofFailure(failure), null, "no answer: "
                + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : " " + failure.getMessage()));
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
