package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.platform.secrets.SecretStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** 7. Key health: presence, source, masked form and fingerprint of each configured secret; never a value. */
@ApplicationScoped
public class KeyHealthCheck implements DoctorCheck {

    private final DoctorConfig config;
    private final SecretResolver secrets;

    public KeyHealthCheck(DoctorConfig config, SecretResolver secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    @Override
    public String id() {
        return "key_health";
    }

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String name() {
        return "Key health";
    }

    @Override
    public Set<Probe> probes() {
        return Set.of();
    }

    @Override
    public CheckResult run(HostFacts facts) {
        List<String> details = new ArrayList<>();
        List<String> missingRequired = new ArrayList<>();
        List<String> missingOptional = new ArrayList<>();
        describe(config.keys().required(), "required", details, missingRequired);
        describe(config.keys().optional(), "optional", details, missingOptional);
        if (!missingRequired.isEmpty()) {
            return fail("missing required secret(s): " + String.join(", ", missingRequired), details,
                    "Put each missing secret in /etc/ai-ops-runner/secrets/<name> (mode 0640) on the host; "
                            + "services see it at /run/openclaw_secrets.");
        }
        if (!missingOptional.isEmpty()) {
            return warn("optional secret(s) not set: " + String.join(", ", missingOptional), details);
        }
        return pass("all " + details.size() + " configured secrets present", details);
    }

    private void describe(List<String> names, String kind, List<String> details, List<String> missing) {
        secrets.status(names).forEach((name, s) -> {
            details.add(line(name, kind, s));
            if (!s.present()) {
                missing.add(name);
            }
        });
    }

    private static String line(String name, String kind, SecretStatus s) {
        if (!s.present()) {
            return name + " (" + kind + "): missing";
        }
        String masked = s.masked() == null || s.masked().isEmpty() ? "" : s.masked() + " ";
        return name + " (" + kind + "): present from " + s.source() + ", " + masked + s.fingerprint();
    }
}
