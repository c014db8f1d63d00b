package io.openclaw.hq.doctor.host;

import java.util.Collection;
import java.util.Map;

/** One open connection to the host (or the local machine), for the length of one doctor, guard or heal run. */
public interface HostSession extends AutoCloseable {

    ProbeOutput run(Probe probe);

    /** Runs the probes at the same time (parallel channels over SSH); every probe gets an answer. */
    Map<Probe, ProbeOutput> runAll(Collection<Probe> probes);

    @Override
    void close();
}
