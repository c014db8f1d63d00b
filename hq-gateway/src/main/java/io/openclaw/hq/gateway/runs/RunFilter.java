package io.openclaw.hq.gateway.runs;

/** Filters of the Runs page and {@code GET /api/runs}; null means "any". */
public record RunFilter(String project, String service, String status) {

    public static RunFilter none() {
        return new RunFilter(null, null, null);
    }
}
