package io.openclaw.hq.gateway.backends;

import java.util.Arrays;
import java.util.Optional;

/** The five services the gateway calls, by their name in run records. */
public enum Backend {
    DOCTOR("doctor-service"),
    LLM("llm-router-service"),
    NOTIFY("notify-service"),
    SOMA("soma-sync-service"),
    RUNNER("runner-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public static Optional<Backend> byServiceName(String name) {
        return Arrays.stream(values()).filter(b -> b.serviceName.equals(name)).findFirst();
    }
}
