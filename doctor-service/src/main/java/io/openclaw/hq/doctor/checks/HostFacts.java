package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import java.util.Map;
import java.util.Optional;

/**
 * What the host answered in one run, shared by every check. When the host could not be reached
 * at all, {@code unreachable} says why and every probe answers with that reason.
 */
public record HostFacts(Map<Probe, ProbeOutput> outputs, String unreachable) {

    public HostFacts {
        outputs = Map.copyOf(outputs);
    }

    public static HostFacts unreachable(String reason) {
        return new HostFacts(Map.of(), reason);
    }

    public ProbeOutput output(Probe probe) {
        ProbeOutput out = outputs.get(probe);
        if (out != null) {
            return out;
        }
        return ProbeOutput.failed(probe, unreachable != null ? "host unreachable: " + unreachable : "not probed", 0);
    }

    public Optional<String> unreachableReason() {
        return Optional.ofNullable(unreachable);
    }
}
