package io.openclaw.hq.gateway.actions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.gateway.panels.Panel;

/**
 * A dispatched action: the service that took it, the run it started there ({@code runId} from its
 * RunAccepted), and its answer: the accepted run, or what a read-only action read. Pages show
 * {@code view}, the answer said for a person; API clients get {@code result}.
 */
public record ExecResult(String action, String service, String runId, JsonNode result, @JsonIgnore Panel view) {

    @JsonIgnore
    public boolean startedRun() {
        return runId != null;
    }
}
