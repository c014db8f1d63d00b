package io.openclaw.hq.llm.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.client.AsyncFailures;
import io.openclaw.hq.llm.client.ProbeResult;
import io.openclaw.hq.llm.client.ProviderRegistry;
import io.openclaw.hq.llm.config.LlmConfig;
import io.openclaw.hq.llm.config.LlmConfigHolder;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderName;
import io.openclaw.hq.platform.auth.InternalToken;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.platform.secrets.Redactor;
import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * The provider doctor (preflight): one authenticated, cheap request per provider, before a
 * review-heavy batch rather than during it. OpenAI and Mistral are always reported; Moonshot and
 * Ollama when enabled. Written to artifacts/doctor/providers/<run_id>/provider_status.json.
 */
@ApplicationScoped
public class ProviderDoctor {

    public static final String AREA = "doctor/providers";
    public static final String FILE = "provider_status.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final LlmConfigHolder config;
    private final ProviderRegistry providers;
    private final SecretResolver secrets;
    private final RunRecorder recorder;
    private final InternalToken token;
    private volatile ObjectNode last;

    public ProviderDoctor(LlmConfigHolder config, ProviderRegistry providers, SecretResolver secrets,
            RunRecorder recorder, InternalToken token) {
        this.config = config;
        this.providers = providers;
        this.secrets = secrets;
        this.recorder = recorder;
        this.token = token;
    }

    public Optional<ObjectNode> last() {
        return Optional.ofNullable(last).map(ObjectNode::deepCopy);
    }

    public ObjectNode run() {
        String actor = token.current().map(Secret::fingerprint).orElse("internal");
        try (RunHandle run = recorder.start(RunRequest.of(AREA, "llm_doctor", RunTrigger.API, actor))) {
            LlmConfig current = config.require();
            ObjectNode doc = JSON.createObjectNode();
            doc.put("timestamp", Instant.now().toString());
            doc.put("run_id", run.id());
            ObjectNode results = doc.putObject("providers");
            List<String> summary = new ArrayList<>();
            String overall = "OK";
            for (ProviderName name : ProviderName.values()) {
                boolean alwaysShown = name == ProviderName.OPENAI || name == ProviderName.MISTRAL;
                if (!alwaysShown && !current.isEnabled(name)) {
                    continue;
                }
                ProbeResult result = probe(name, current);
                ObjectNode entry = results.putObject(name.wire());
                entry.put("enabled", current.isEnabled(name));
                entry.put("state", result.state());
                entry.put("last_error_class", result.errorClass() == null ? null : result.errorClass().wire());
                if (result.httpStatus() != null) {
                    entry.put("http_status", result.httpStatus());
                }
                entry.put("detail", Redactor.redact(result.detail()));
                run.log(name.wire() + ": " + result.state()
                        + (result.errorClass() == null ? "" : " (" + result.errorClass().wire() + ")"));
                summary.add(name.wire() + " " + result.state());
                overall = worse(overall, result.state());
            }
            doc.put("state", overall);
            Path file = run.directory().resolve(FILE);
            try {
                Files.writeString(file, Redactor.redact(JSON.writeValueAsString(doc)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            run.addArtifact(file);
            run.succeed(String.join(", ", summary));
            last = doc;
            return doc.deepCopy();
        }
    }

    private ProbeResult probe(ProviderName name, LlmConfig current) {
        if (!current.isEnabled(name)) {
            return new ProbeResult("DOWN", ErrorClass.NON_TRANSIENT, null, "not in enabledProviders");
        }
        if (name.needsKey() && secrets.resolve(name.secretName()).isEmpty()) {
            return new ProbeResult("DOWN", ErrorClass.MISSING_KEY, null,
                    name.secretName() + " is not available (environment or secrets file)");
        }
        try {
            return providers.enabled(name).probe().toCompletableFuture().join();
        } catch (CompletionException e) {
            throw AsyncFailures.rethrowable(e);
        }
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("OK", "DEGRADED", "DOWN");
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }
}
