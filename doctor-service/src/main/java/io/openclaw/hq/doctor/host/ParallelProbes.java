package io.openclaw.hq.doctor.host;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs a session's probes on a bounded pool so that they overlap, and keeps the answers in probe order. */
final class ParallelProbes {

    private ParallelProbes() {
    }

    static Map<Probe, ProbeOutput> run(HostSession session, Collection<Probe> probes, ExecutorService pool) {
        Map<Probe, Future<ProbeOutput>> futures = new LinkedHashMap<>();
        for (Probe probe : probes) {
            futures.put(probe, pool.submit(() -> session.run(probe)));
        }
        Map<Probe, ProbeOutput> outputs = new EnumMap<>(Probe.class);
        futures.forEach((probe, future) -> outputs.put(probe, await(probe, future)));
        return outputs;
    }

    private static ProbeOutput await(Probe probe, Future<ProbeOutput> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeOutput.failed(probe, "interrupted", 0);
        } catch (ExecutionException e) {
            return ProbeOutput.failed(probe, "probe failed: " + e.getCause().getClass().getSimpleName(), 0);
        }
    }

    static List<Probe> sorted(Collection<Probe> probes) {
        return probes.stream().distinct().sorted().toList();
    }
}
