package io.openclaw.hq.gateway.actions;

import io.openclaw.hq.gateway.backends.Backend;
import java.util.Set;

/**
 * One allowlisted action: the service that does it ({@code null}: the gateway itself), whether it
 * changes the host (the page asks for confirmation), the project it belongs to, and the only
 * params it takes.
 */
@io.quarkus.qute.TemplateData
public record ActionSpec(String name, String label, String description, Backend backend, boolean changesHost,
        String project, Set<String> params) {

    /** Actions that start work in a service (answered 202 RunAccepted); the others only read. */
    private static final java.util.Set<String> STARTING = java.util.Set.of("doctor", "apply", "guard", "soma_snapshot_home",
            "soma_snapshot_practitioner", "soma_harvest", "soma_mirror", "llm_doctor");

    public boolean startsRun() {
        return STARTING.contains(name);
    }

    public String serviceName() {
        return backend == null ? "hq-gateway" : backend.serviceName();
    }
}
