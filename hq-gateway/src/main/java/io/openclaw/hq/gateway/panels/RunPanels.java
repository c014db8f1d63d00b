package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.Backends;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What a finished run's page shows besides its run record, when its service keeps a result of
 * its own: a doctor run's report (each check, its details and remediation), a heal's pre-check,
 * fix, verification and evidence, a guard run's failing checks, what it did and each alert's fate,
 * a provider doctor run's answer provider by provider (while it is the router's last).
 */
@ApplicationScoped
public class RunPanels {

    private final Backends backends;

    public RunPanels(Backends backends) {
        this.backends = backends;
    }

    public Optional<Panel> resultOf(String service, String action, String runId) {
        if (action == null) {
            return Optional.empty();
        }
        if (RouterPanels.SERVICE.equals(service) && action.equals("llm_doctor")) {
            // the router keeps its last provider doctor run: shown when it is this one
            var status = backends.llmStatus();
            if (status.isOk() && (status.value().doctor() == null || !runId.equals(status.value().doctor().runId()))) {
                return Optional.empty();
            }
            return Optional.of(RouterPanels.providerDoctor(status));
        }
        if (!DoctorPanels.SERVICE.equals(service)) {
            return Optional.empty();
        }
        if (action.equals("doctor")) {
            return Optional.of(DoctorPanels.runReport(backends.doctorReport(runId)));
        }
        if (action.startsWith("heal")) {
            return Optional.of(DoctorPanels.heal(backends.healResult(runId)));
        }
        if (action.equals("guard")) {
            return DoctorPanels.guardRun(backends.guardStatus(), runId);
        }
        return Optional.empty();
    }
}
