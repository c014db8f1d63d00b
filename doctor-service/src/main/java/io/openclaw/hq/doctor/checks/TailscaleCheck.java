package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import io.openclaw.hq.doctor.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** 1. Tailscale: BackendState Running, Self has TailscaleIPs, no Health messages. */
@ApplicationScoped
public class TailscaleCheck implements DoctorCheck {

    static final String FIX = "Bring Tailscale up on the host (systemctl status tailscaled; tailscale up). "
            + "While it is down the guard will not touch sshd, and HQ is unreachable from the phone.";

    @Override
    public String id() {
        return "tailscale";
    }

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String name() {
        return "Tailscale connectivity";
    }

    @Override
    public Set<Probe> probes() {
        return Set.of(Probe.TAILSCALE_STATUS);
    }

    @Override
    public CheckResult run(HostFacts facts) {
        ProbeOutput out = facts.output(Probe.TAILSCALE_STATUS);
        if (!out.succeeded()) {
            return fail("tailscale status unavailable", List.of(out.problem()), FIX);
        }
        Optional<TailscaleStatus> parsed = TailscaleStatus.parse(out.stdout());
        if (parsed.isEmpty()) {
            return fail("tailscale status is not JSON", List.of(), FIX);
        }
        TailscaleStatus status = parsed.get();
        List<String> details = new ArrayList<>();
        details.add("BackendState " + (status.backendState().isEmpty() ? "(none)" : status.backendState()));
        details.add("TailscaleIPs " + (status.tailscaleIps().isEmpty() ? "(none)" : String.join(", ", status.tailscaleIps())));
        status.health().forEach(h -> details.add("Health: " + h));
        if (!status.running()) {
            return fail("Tailscale is not running", details, FIX);
        }
        if (status.ipv4().isEmpty()) {
            return fail("Tailscale has no tailnet IPv4", details, FIX);
        }
        if (!status.health().isEmpty()) {
            return warn("Tailscale is up with " + status.health().size() + " health message(s)", details);
        }
        return pass("Tailscale is up on " + status.ipv4().get(), details);
    }
}
