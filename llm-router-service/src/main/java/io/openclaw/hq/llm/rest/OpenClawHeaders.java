package io.openclaw.hq.llm.rest;

/** The headers the router reads and adds on {@code /v1/chat/completions} (and, for its version, on every answer). */
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
    /** {@link io.openclaw.hq.llm.service.RouterVersion}: what a review record names as the router's version. */
    public static final String ROUTER_VERSION = "X-OpenClaw-Router-Version";

    private OpenClawHeaders() {
    }
}
