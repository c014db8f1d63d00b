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

    public String serviceName() {
        return backend == null ? "hq-gateway" : backend.serviceName();
    }
}
