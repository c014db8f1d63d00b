package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.audit.Listener;
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
        String expected = config.console().address() + ":" + config.console().port();
        String fix = "Publish the gateway as \"" + expected + ":8080\" in docker-compose.yml (or HTTP_HOST=127.0.0.1 "
                + "in local mode) and let 'tailscale serve' put it on the tailnet.";
        ProbeOutput out = facts.output(Probe.LISTENERS);
        if (!out.succeeded()) {
            return fail("listeners unavailable", List.of(out.problem()), fix);
        }
        List<Listener> onPort = SsParser.parse(out.stdout()).stream()
                .filter(l -> l.port() == config.console().port()).toList();
        List<String> details = onPort.stream().map(l -> l.bind() + " " + l.processName()).toList();
        if (onPort.isEmpty()) {
            return fail("nothing listens on port " + config.console().port(), details, fix);
        }
        List<Listener> elsewhere = onPort.stream().filter(l -> !l.address().equals(config.console().address())).toList();
        if (!elsewhere.isEmpty()) {
            return fail("console also bound to " + String.join(", ", elsewhere.stream().map(Listener::bind).toList()),
                    details, fix);
        }
        return pass("console bound to " + expected + " only", details);
    }
}
