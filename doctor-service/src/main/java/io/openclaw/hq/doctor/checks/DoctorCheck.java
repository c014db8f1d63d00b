package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import java.util.List;
import java.util.Set;

/** One of the 9 doctor checks. A check that cannot find out answers FAIL, never PASS. */
public interface DoctorCheck {

    String id();

    int number();

    String name();

    /** The host probes this check reads; the doctor runs their union once per run. */
    Set<Probe> probes();

    CheckResult run(HostFacts facts);

    default CheckResult result(CheckStatus status, String summary, List<String> details, String remediation) {
        return new CheckResult(id(), number(), name(), status, summary, details, status == CheckStatus.FAIL ? remediation : null);
    }

    default CheckResult pass(String summary, List<String> details) {
        return result(CheckStatus.PASS, summary, details, null);
    }

    default CheckResult warn(String summary, List<String> details) {
        return result(CheckStatus.WARN, summary, details, null);
    }

    default CheckResult fail(String summary, List<String> details, String remediation) {
        return result(CheckStatus.FAIL, summary, details, remediation);
    }
}
