package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.Backends;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What a finished run's page shows besides its run record, when its service keeps a result of
 * its own: a doctor run's report (each check, its details and remediation), a heal's pre-check,
 * fix, verification and evidence, a guard run's failing checks, what it did and each alert's fate.
 */
@ApplicationScoped
public class RunPanels {

    private final Backends backends;

    public RunPanels(Backends backends) {
        this.backends = backends;
    }

    public Optional<Panel> resultOf(String service, String action, String runId) {
        if (!DoctorPanels.SERVICE.equals(service) || action == null) {
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
