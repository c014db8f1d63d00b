package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** 2. Compose stack: every service's {@code /q/health/ready} answers 200 with status UP. */
@ApplicationScoped
public class ComposeStackCheck implements DoctorCheck {

    private final DoctorConfig config;
    private final HttpHealth http;

    public ComposeStackCheck(DoctorConfig config, HttpHealth http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String id() {
        return "compose_stack";
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String name() {
        return "Compose stack health";
    }

    @Override
    public Set<Probe> probes() {
        return Set.of();
    }

    @Override
    public CheckResult run(HostFacts facts) {
        Map<String, String> services = new TreeMap<>(config.stack().services());
        if (services.isEmpty()) {
            return fail("no services configured to check", List.of(),
                    "Set doctor.stack.services.<name>=<url of /q/health/ready> for every service.");
        }
        Map<String, CompletableFuture<HttpHealth.Answer>> answers = new TreeMap<>();
        services.forEach((name, url) -> answers.put(name,
                http.getAsync(url, config.api().timeout())));
        List<String> details = new ArrayList<>();
        List<String> down = new ArrayList<>();
        answers.forEach((name, future) -> {
            HttpHealth.Answer answer = future.join();
            boolean up = answer.ok() && "UP".equals(answer.healthStatus());
            details.add(name + ": " + (up ? "UP" : "DOWN (" + answer.describe()
                    + (answer.healthStatus().isEmpty() ? "" : ", " + answer.healthStatus()) + ")"));
            if (!up) {
                down.add(name);
            }
        });
        if (!down.isEmpty()) {
            return fail(down.size() + " of " + services.size() + " services not ready: " + String.join(", ", down), details,
                    "docker compose ps; docker compose logs --tail=100 " + String.join(" ", down)
                            + "; a service stays DOWN while its config file is invalid (see its /q/health/ready).");
        }
        return pass("all " + services.size() + " services ready", details);
    }
}
