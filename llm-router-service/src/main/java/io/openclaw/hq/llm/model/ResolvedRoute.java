package io.openclaw.hq.llm.model;

/** The provider and model a call goes to. */
public record ResolvedRoute(ProviderName provider, String model) {
}
