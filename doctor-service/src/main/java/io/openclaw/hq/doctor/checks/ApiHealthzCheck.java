package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** 3. API healthz: the operator-facing API (the gateway, on loopback) answers its liveness URL. */
@ApplicationScoped
public class ApiHealthzCheck implements DoctorCheck {

    private final DoctorConfig config;
    private final HttpHealth http;

    public ApiHealthzCheck(DoctorConfig config, HttpHealth http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String id() {
        return "api_healthz";
    }

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String name() {
        return "API healthz";
    }

    @Override
    public Set<Probe> probes() {
        return Set.of();
    }

    @Override
    public CheckResult run(HostFacts facts) {
        String url = config.api().healthzUrl();
        HttpHealth.Answer answer = http.get(url, config.api().timeout());
        List<String> details = List.of(url + " → " + answer.describe());
        if (!answer.ok()) {
            return fail("API healthz failed: " + answer.describe(), details,
                    "Check the gateway: docker compose logs --tail=100 hq-gateway; curl -s " + url);
        }
        return pass("API healthz answered " + answer.status(), details);
    }
}
