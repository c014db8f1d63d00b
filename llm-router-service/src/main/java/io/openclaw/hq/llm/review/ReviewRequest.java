package io.openclaw.hq.llm.review;

/** {@code POST /v1/review}: the bundle to review, the commit range it covers and the caller's run. */
public record ReviewRequest(String bundle, String sinceSha, String toSha, String runId) {
}
