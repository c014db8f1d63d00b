package io.openclaw.hq.platform.runs;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Output lines of a run after line {@code after} (1-based line numbers; {@code after=0} is the
 * start). A client polls again with {@code next} until {@code finished} is true and no lines come.
 */
@RegisterForReflection
public record RunLogPage(String runId, int after, int next, List<String> lines, boolean finished) {
}
