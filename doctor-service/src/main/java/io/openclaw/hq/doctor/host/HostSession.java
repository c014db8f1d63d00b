package io.openclaw.hq.doctor.host;

import java.util.Collection;
import java.util.Map;

/** One open connection to the host (or the local machine), for the length of one doctor, guard or heal run. */
public interface HostSession extends AutoCloseable {

    default ProbeOutput run(Probe probe) {
        return run(probe, null);
    }

    /** {@code stdin}: text the probe reads (only the guard log line); null for none. */
    ProbeOutput run(Probe probe, String stdin);

    /** Runs the probes at the same time (parallel channels over SSH); every probe gets an answer. */
    Map<Probe, ProbeOutput> runAll(Collection<Probe> probes);

    @Override
    void close();
}
