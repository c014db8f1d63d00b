package io.openclaw.hq.llm.rest;

/** The headers the router reads and adds on {@code /v1/chat/completions}. */
public final class OpenClawHeaders {

    public static final String PURPOSE = "X-OpenClaw-Purpose";
    public static final String RUN_ID = "X-OpenClaw-Run-Id";
    public static final String PROVIDER = "X-OpenClaw-Provider";
    public static final String MODEL = "X-OpenClaw-Model";
    public static final String FALLBACK = "X-OpenClaw-Fallback";
    public static final String TRANSIENT_CLASS = "X-OpenClaw-Transient-Class";
    public static final String COST_USD = "X-OpenClaw-Cost-Usd";
    public static final String OVERHEAD_MS = "X-OpenClaw-Overhead-Ms";
    public static final String UPSTREAM_MS = "X-OpenClaw-Upstream-Ms";
    public static final String ERROR_CLASS = "X-OpenClaw-Error-Class";

    private OpenClawHeaders() {
    }
}
