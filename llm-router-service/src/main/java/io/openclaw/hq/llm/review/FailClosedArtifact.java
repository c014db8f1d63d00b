package io.openclaw.hq.llm.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.service.ReviewFailClosedException;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.platform.secrets.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** {@code review_fail_closed.json}: why the gate said no, with both errors redacted and classified. */
final class FailClosedArtifact {

    static final String FILE = "review_fail_closed.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FailClosedArtifact() {
    }

    static Path write(RunHandle run, ReviewFailClosedException failure) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("timestamp", Instant.now().toString());
        doc.put("run_id", run.id());
        doc.put("fail_closed", true);
        doc.put("primary_provider", failure.primary().provider().wire());
        doc.put("primary_error", failure.primary().describe());
        doc.put("primary_transient_class", failure.primary().errorClass().isTransient()
                ? failure.primary().errorClass().wire() : null);
        doc.put("primary_error_class", failure.primary().errorClass().wire());
        doc.put("fallback_attempted", failure.fallbackClass() != null
                || (failure.fallbackError() != null && !failure.fallbackError().startsWith("none:")));
        doc.put("fallback_error", failure.fallbackError());
        doc.put("fallback_error_class", failure.fallbackClass() == null ? null : failure.fallbackClass().wire());
        Path file = run.directory().resolve(FILE);
        try {
            Files.writeString(file, Redactor.redact(JSON.writeValueAsString(doc)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " of run " + run.id(), e);
        }
        run.addArtifact(file);
        return file;
    }
}
