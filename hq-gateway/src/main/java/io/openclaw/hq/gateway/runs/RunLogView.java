package io.openclaw.hq.gateway.runs;

import java.util.List;

/** Output lines of a run after line {@code after}; poll again from {@code next} until finished. */
@io.quarkus.qute.TemplateData
public record RunLogView(String runId, int after, int next, List<String> lines, boolean finished) {
}
