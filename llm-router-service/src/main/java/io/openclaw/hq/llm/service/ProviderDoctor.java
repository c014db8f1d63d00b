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
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunLauncher;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.secrets.Redactor;
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
    static final String LOCK = "llm_doctor";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final LlmConfigHolder config;
    private final ProviderRegistry providers;
    private final SecretResolver secrets;
    private final RunLauncher launcher;
    private volatile ObjectNode last;

    public ProviderDoctor(LlmConfigHolder config, ProviderRegistry providers, SecretResolver secrets,
            RunLauncher launcher) {
        this.config = config;
        this.providers = providers;
        this.secrets = secrets;
        this.launcher = launcher;
    }

    public Optional<ObjectNode> last() {
        return Optional.ofNullable(last).map(ObjectNode::deepCopy);
    }

    /**
     * POST /v1/doctor: recorded (one at a time: a second is a 409 naming the first), answered at
     * once, the providers probed on a worker thread, each one's answer logged as it comes.
     */
    public RunAccepted start(Caller caller) {
        return launcher.launch(RunRequest.of(AREA, "llm_doctor", caller.trigger(), caller.actor()), LOCK, this::probeAll);
    }

    private void probeAll(RunHandle run) {
        LlmConfig current = config.require();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("timestamp", Instant.now().toString());
        doc.put("run_id", run.id());
        ObjectNode results = doc.putObject("providers");
        List<String> summary = new ArrayList<>();
        List<String> enabledDown = new ArrayList<>();
        List<String> enabledUp = new ArrayList<>();
        String overall = "OK";
        for (ProviderName name : ProviderName.values()) {
            boolean alwaysShown = name == ProviderName.OPENAI || name == ProviderName.MISTRAL;
            boolean enabled = current.isEnabled(name);
            if (!alwaysShown && !enabled) {
                continue;
            }
            run.log(name.wire() + ": probing" + (enabled ? "" : " (disabled)"));
            ProbeResult result = probe(name, current);
            ObjectNode entry = results.putObject(name.wire());
            entry.put("enabled", enabled);
            entry.put("state", result.state());
            entry.put("last_error_class", result.errorClass() == null ? null : result.errorClass().wire());
            if (result.httpStatus() != null) {
                entry.put("http_status", result.httpStatus());
            }
            entry.put("detail", Redactor.redact(result.detail()));
            run.log(name.wire() + ": " + result.state()
                    + (result.errorClass() == null ? "" : " (" + result.errorClass().wire() + ")")
                    + " — " + Redactor.redact(result.detail()));
            summary.add(name.wire() + " " + result.state() + (enabled ? "" : " (disabled)"));
            if (enabled) {
                overall = worse(overall, result.state());
                ("DOWN".equals(result.state()) ? enabledDown : enabledUp).add(name.wire());
            }
        }
        doc.put("state", overall);
        Path file = run.directory().resolve(FILE);
        try {
            Files.writeString(file, Redactor.redact(JSON.writeValueAsString(doc)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.addArtifact(file);
        last = doc;
        String outcome = String.join(", ", summary);
        if (enabledUp.isEmpty()) {
            run.fail("every enabled provider is DOWN: " + String.join(", ", enabledDown) + " (" + outcome + ")",
                    "no enabled provider answered: " + String.join(", ", enabledDown));
        } else if (!enabledDown.isEmpty()) {
            run.fail("enabled provider(s) DOWN: " + String.join(", ", enabledDown) + " (" + outcome + ")",
                    "DOWN: " + String.join(", ", enabledDown));
        } else {
            run.succeed(outcome);
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
