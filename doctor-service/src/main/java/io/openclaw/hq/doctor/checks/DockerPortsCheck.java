package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import io.openclaw.hq.doctor.model.CheckResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** 5. Docker published ports: anything published on 0.0.0.0, :: or a public address is public. */
@ApplicationScoped
public class DockerPortsCheck implements DoctorCheck {

    @Override
    public String id() {
        return "docker_ports";
    }

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String name() {
        return "Docker published ports";
    }

    @Override
    public Set<Probe> probes() {
        return Set.of(Probe.DOCKER_PS);
    }

    @Override
    public CheckResult run(HostFacts facts) {
        ProbeOutput out = facts.output(Probe.DOCKER_PS);
        if (!out.succeeded()) {
            return fail("containers unavailable", List.of(out.problem()), "Make 'docker ps' work for the doctor's user on the host.");
        }
        List<String> problems = new ArrayList<>();
        List<DockerPublishedPorts.Published> published = DockerPublishedPorts.parse(out.stdout(), problems);
        List<String> details = new ArrayList<>(problems);
        List<String> publicOnes = new ArrayList<>();
        for (DockerPublishedPorts.Published p : published) {
            boolean isPrivate = p.addressClass().isPrivate();
            details.add(p.container() + " " + p.mapping() + (isPrivate ? "" : " PUBLIC"));
            if (!isPrivate) {
                publicOnes.add(p.container() + " " + p.mapping());
            }
        }
        if (!publicOnes.isEmpty()) {
            return fail(publicOnes.size() + " port(s) published publicly: " + String.join("; ", publicOnes), details,
                    "Publish on loopback only in docker-compose.yml (\"127.0.0.1:8787:8080\"), then docker compose up -d. "
                            + "Docker bypasses ufw: a port on 0.0.0.0 or :: is public whatever the firewall says.");
        }
        if (!problems.isEmpty()) {
            return fail("docker ps output could not be read fully", details, "Check the docker version on the host.");
        }
        return pass(published.isEmpty() ? "no published ports" : published.size() + " published port(s), all private", details);
    }
}
