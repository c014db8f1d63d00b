package io.openclaw.hq.doctor.service;

import io.openclaw.hq.doctor.audit.PortAuditAnalyzer;
import io.openclaw.hq.doctor.checks.DoctorCheck;
import io.openclaw.hq.doctor.checks.HostFacts;
import io.openclaw.hq.doctor.checks.TailscaleStatus;
import io.openclaw.hq.doctor.host.HostSession;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import io.openclaw.hq.doctor.model.Posture;
import io.openclaw.hq.platform.concurrent.ThreadPools;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Runs the 9 checks over one host session: the union of their probes once, in parallel channels,
 * then every check at the same time (the HTTP ones wait on the network, not the CPU).
 */
@ApplicationScoped
public class DoctorEngine {

    private final List<DoctorCheck> checks;
    private final ExecutorService pool = ThreadPools.fixed("doctor-check", 4);

    public DoctorEngine(Instance<DoctorCheck> checks) {
        this.checks = checks.stream().sorted(Comparator.comparingInt(DoctorCheck::number)).toList();
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    public List<DoctorCheck> checks() {
        return checks;
    }

    /** The results and the posture; {@code session} is null when the host could not be reached. */
    public Examination examine(HostSession session, String unreachable) {
        return examine(session, unreachable, line -> { }, result -> { });
    }

    /**
     * The same, telling {@code progress} what it is doing and {@code onResult} each check's answer
     * as soon as that check has it (so a run's output grows while the slower checks still wait).
     */
    public Examination examine(HostSession session, String unreachable, java.util.function.Consumer<String> progress,
            java.util.function.Consumer<CheckResult> onResult) {
        HostFacts facts;
        if (session == null) {
            facts = HostFacts.unreachable(unreachable);
        } else {
            Set<Probe> probes = probesNeeded();
            progress.accept("reading the host: " + probes.stream().map(Probe::wire).sorted()
                    .collect(java.util.stream.Collectors.joining(", ")));
            facts = new HostFacts(session.runAll(probes), null);
            progress.accept("host read; running " + checks.size() + " checks");
        }
        List<CompletableFuture<CheckResult>> futures = new ArrayList<>();
        for (DoctorCheck check : checks) {
            futures.add(CompletableFuture.supplyAsync(() -> safely(check, facts), pool).whenComplete((result, error) -> {
                if (result != null) {
                    onResult.accept(result);
                }
            }));
        }
        List<CheckResult> results = futures.stream().map(CompletableFuture::join).toList();
        return new Examination(results, posture(facts));
    }

    public Set<Probe> probesNeeded() {
        Set<Probe> probes = EnumSet.noneOf(Probe.class);
        checks.forEach(c -> probes.addAll(c.probes()));
        return probes;
    }

    /** Tailscale up and sshd public, read from the same probe answers the checks saw. */
    public static Posture posture(HostFacts facts) {
        if (facts.unreachableReason().isPresent()) {
            return new Posture(false, false, null, false);
        }
        ProbeOutput ts = facts.output(Probe.TAILSCALE_STATUS);
        Optional<TailscaleStatus> status = ts.succeeded() ? TailscaleStatus.parse(ts.stdout()) : Optional.empty();
        String ipv4 = status.filter(TailscaleStatus::running).flatMap(TailscaleStatus::ipv4).orElse(null);
        ProbeOutput ss = facts.output(Probe.LISTENERS);
        boolean sshdPublic = ss.succeeded() && PortAuditAnalyzer.analyze(ss.stdout()).sshdPublic();
        return new Posture(true, ipv4 != null, ipv4, sshdPublic);
    }

    public static Posture posture(Map<Probe, ProbeOutput> outputs) {
        return posture(new HostFacts(outputs, null));
    }

    private static CheckResult safely(DoctorCheck check, HostFacts facts) {
        try {
            return check.run(facts);
        } catch (RuntimeException e) {
            // a check that breaks cannot vouch for anything
            return new CheckResult(check.id(), check.number(), check.name(), CheckStatus.FAIL,
                    "check could not run: " + e.getClass().getSimpleName(), List.of(), "See the doctor-service log.");
        }
    }

    /** What one examination found. */
    public record Examination(List<CheckResult> results, Posture posture) {
    }
}
