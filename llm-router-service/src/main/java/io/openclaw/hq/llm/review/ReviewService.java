package io.openclaw.hq.llm.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.model.Purpose;
import io.openclaw.hq.llm.service.CallContext;
import io.openclaw.hq.llm.service.CompletionService;
import io.openclaw.hq.llm.service.ReviewFailClosedException;
import io.openclaw.hq.llm.service.RoutedCompletion;
import io.openclaw.hq.platform.auth.InternalToken;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.platform.secrets.Redactor;
import io.openclaw.hq.platform.secrets.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The review gate. Each review is a run of this service (artifacts/llm-router/review/<run_id>/,
 * parent = the caller's run): verdict.json on success, review_fail_closed.json when no reviewer
 * answered, cost_telemetry.jsonl always. The answer is approved only when the model's verdict fits
 * the schema and says APPROVED with all five gates passed.
 */
@ApplicationScoped
public class ReviewService {

    public static final String AREA = "llm-router/review";
    static final String VERDICT_FILE = "verdict.json";
    static final int MAX_BUNDLE_CHARS = 600_000;
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CompletionService completions;
    private final VerdictValidator validator;
    private final RunRecorder recorder;
    private final InternalToken token;
    private final ObjectMapper json;

    public ReviewService(CompletionService completions, VerdictValidator validator, RunRecorder recorder,
            InternalToken token, ObjectMapper json) {
        this.completions = completions;
        this.validator = validator;
        this.recorder = recorder;
        this.token = token;
        this.json = json;
    }

    public ObjectNode review(ReviewRequest request) {
        return review(request, null);
    }

    /** {@code caller} null: the caller is the holder of the internal token, by its fingerprint. */
    public ObjectNode review(ReviewRequest request, Caller caller) {
        checkRequest(request);
        return inRun("review", request.runId(), caller, run -> {
            run.log("review of " + request.sinceSha() + ".." + request.toSha() + ", bundle "
                    + request.bundle().length() + " characters, caller run " + request.runId());
            RoutedCompletion answer = completions.complete(new CallContext(Purpose.REVIEW, request.runId(), run),
                    ReviewPrompt.request(json, request));
            ObjectNode verdict = verdictOf(answer, request, run);
            List<String> violations = validator.violations(verdict);
            if (!violations.isEmpty()) {
                violations.forEach(v -> run.log("verdict violation: " + v));
                throw new ReviewAnswerInvalidException(run.id(), violations);
            }
            Path file = write(run.directory().resolve(VERDICT_FILE), verdict);
            run.addArtifact(file);
            run.succeed(verdict.path("verdict").asText() + " by " + answer.route().provider().wire() + "/"
                    + answer.route().model() + (answer.fallbackUsed() ? " (fallback)" : ""));
            return verdict;
        });
    }

    /** A purpose=review call through /v1/chat/completions: the same gate, recorded as a run too. */
    public RoutedCompletion chatReview(String callerRunId, ObjectNode request) {
        return inRun("chat-review", callerRunId, null, run -> {
            RoutedCompletion answer = completions.complete(new CallContext(Purpose.REVIEW, callerRunId, run), request);
            run.succeed("answered by " + answer.route().provider().wire() + "/" + answer.route().model()
                    + (answer.fallbackUsed() ? " (fallback)" : ""));
            return answer;
        });
    }

    private <T> T inRun(String action, String callerRunId, Caller caller, Function<RunHandle, T> work) {
        String actor = caller != null ? caller.actor() : token.current().map(Secret::fingerprint).orElse("internal");
        RunTrigger trigger = caller != null ? caller.trigger() : RunTrigger.API;
        try (RunHandle run = recorder.start(new RunRequest(AREA, action, trigger, actor, null, callerRunId))) {
            try {
                return work.apply(run);
            } catch (ReviewFailClosedException e) {
                FailClosedArtifact.write(run, e);
                run.fail("review failed closed", e.getMessage());
                throw e.inRun(run.id());
            } catch (ProblemException e) {
                run.refuse(e.getMessage());
                throw e;
            } catch (ReviewAnswerInvalidException e) {
                run.fail("review answer invalid", e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                run.fail("review failed", Redactor.redact(String.valueOf(e.getMessage())));
                throw e;
            }
        }
    }

    private ObjectNode verdictOf(RoutedCompletion answer, ReviewRequest request, RunHandle run) {
        ObjectNode verdict;
        try {
            JsonNode parsed = json.readTree(stripFence(answer.reply().firstContent()));
            if (parsed == null || !parsed.isObject()) {
                throw new ReviewAnswerInvalidException(run.id(), List.of("$: the answer is not a JSON object"));
            }
            verdict = (ObjectNode) parsed;
        } catch (IOException e) {
            throw new ReviewAnswerInvalidException(run.id(), List.of("$: the answer is not JSON"));
        }
        if (verdict.has("meta")) {
            throw new ReviewAnswerInvalidException(run.id(), List.of("$.meta: set by the router, not by the model"));
        }
        ObjectNode meta = verdict.putObject("meta");
        meta.put("provider", answer.route().provider().wire());
        meta.put("model", answer.route().model());
        meta.put("fallback_used", answer.fallbackUsed());
        if (answer.transientClass() == null) {
            meta.putNull("transient_class");
        } else {
            meta.put("transient_class", answer.transientClass().wire());
        }
        meta.put("cost_usd", answer.costUsd());
        meta.put("simulated", false);
        meta.put("since_sha", request.sinceSha());
        meta.put("to_sha", request.toSha());
        meta.put("run_id", run.id());
        return verdict;
    }

    /** Some models wrap JSON in a Markdown fence even when asked not to; the fence is not content. */
    static String stripFence(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            int firstNewline = t.indexOf('\n');
            int lastFence = t.lastIndexOf("```");
            if (firstNewline > 0 && lastFence > firstNewline) {
                return t.substring(firstNewline + 1, lastFence).strip();
            }
        }
        return t;
    }

    private Path write(Path file, JsonNode document) {
        try {
            Files.writeString(file, Redactor.redact(json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(document)), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkRequest(ReviewRequest request) {
        List<String> problems = new ArrayList<>();
        if (request == null) {
            throw ProblemException.badRequest("a body {bundle, sinceSha, toSha, runId} is required");
        }
        if (request.bundle() == null || request.bundle().isBlank()) {
            problems.add("bundle is required");
        } else if (request.bundle().length() > MAX_BUNDLE_CHARS) {
            problems.add("bundle has " + request.bundle().length() + " characters, more than " + MAX_BUNDLE_CHARS
                    + "; split it into review packets");
        }
        if (request.sinceSha() == null || !SHA.matcher(request.sinceSha()).matches()) {
            problems.add("sinceSha must be 7 to 64 lower-case hex characters");
        }
        if (request.toSha() == null || !SHA.matcher(request.toSha()).matches()) {
            problems.add("toSha must be 7 to 64 lower-case hex characters");
        }
        if (request.runId() == null || !RUN_ID.matcher(request.runId()).matches()) {
            problems.add("runId must match " + RUN_ID.pattern());
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
    }
}
