package io.openclaw.hq.llm.service;

import io.openclaw.hq.llm.model.Purpose;
import io.openclaw.hq.platform.runs.RunHandle;
import java.util.Optional;

/**
 * Who a call is for: its purpose, the caller's run whose budget it draws on (optional for plain
 * chat), and the router's own run when the call is part of one (reviews).
 */
public record CallContext(Purpose purpose, String callerRunId, RunHandle routerRun) {

    public Optional<String> caller() {
        return Optional.ofNullable(callerRunId);
    }

    public Optional<RunHandle> run() {
        return Optional.ofNullable(routerRun);
    }
}
