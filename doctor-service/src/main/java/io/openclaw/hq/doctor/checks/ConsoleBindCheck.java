package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.audit.AddressClass;
import io.openclaw.hq.doctor.audit.Listener;
import io.openclaw.hq.doctor.audit.NetworkRanges;
import io.openclaw.hq.doctor.audit.SsParser;
import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import io.openclaw.hq.doctor.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** 8. Console bind: the gateway listens on 127.0.0.1:8787 and nowhere else (tailscale serve fronts it). */
@ApplicationScoped
public class ConsoleBindCheck implements DoctorCheck {

    private final DoctorConfig config;

    public ConsoleBindCheck(DoctorConfig config) {
        this.config = config;
    }

    @Override
    public String id() {
        return "console_bind";
    }

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String name() {
        return "Console bind";
    }

    @Override
    public Set<Probe> probes() {
        return Set.of(Probe.LISTENERS);
    }

    @Override
    public CheckResult run(HostFacts facts) {
        int port = config.console().port();
        ProbeOutput out = facts.output(Probe.LISTENERS);
        if (!out.succeeded()) {
            return fail("listeners unavailable", List.of(out.problem()),
                    "The doctor reads listeners with 'ss -tlnp' on the host; make it runnable there, then run the doctor again.");
        }
        List<Listener> onPort = SsParser.parse(out.stdout()).stream().filter(l -> l.port() == port).toList();
        List<String> details = onPort.stream().map(l -> l.bind() + " " + l.processName()
                + " (" + NetworkRanges.classify(l.address()).name().toLowerCase(java.util.Locale.ROOT) + ")").toList();
        if (onPort.isEmpty()) {
            return fail("nothing listens on port " + port, details, "Start the gateway ('./hq up' in local mode, "
                    + "'docker compose up -d hq-gateway' on the VPS); it listens on " + config.console().address() + ":"
                    + port + " by default.");
        }
        // loopback in any spelling counts: 127.0.0.0/8, ::1 and the IPv4-mapped [::ffff:127.0.0.1] a JVM may report
        List<Listener> reachable = onPort.stream()
                .filter(l -> NetworkRanges.classify(l.address()) != AddressClass.LOOPBACK).toList();
        if (!reachable.isEmpty()) {
            String binds = String.join(", ", reachable.stream().map(Listener::bind).toList());
            return fail("console reachable beyond this machine on " + binds, details,
                    "Bind the console to loopback only: " + binds + " is " + reachable.stream()
                            .map(l -> NetworkRanges.classify(l.address()).name().toLowerCase(java.util.Locale.ROOT))
                            .distinct().collect(java.util.stream.Collectors.joining("/"))
                            + ". In docker-compose.yml publish it as \"" + config.console().address() + ":" + port
                            + ":8080\" (not \"" + port + ":8080\"); in local mode remove any quarkus.http.host or "
                            + "HTTP_HOST override that is not 127.0.0.1. Then let 'tailscale serve' put it on the tailnet.");
        }
        return pass("console bound to loopback only (" + String.join(", ", onPort.stream().map(Listener::bind).toList())
                + ")", details);
    }
}
