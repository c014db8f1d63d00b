package io.openclaw.hq.platform.errors;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one error shape every service answers with. {@code runId} names the holder of a lock on a
 * 409; {@code violations} lists what was wrong with a config file or a request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Problem(int status, String title, String detail, String runId, List<String> violations) {

    public Problem(int status, String title, String detail) {
        this(status, title, detail, null, null);
    }
}
