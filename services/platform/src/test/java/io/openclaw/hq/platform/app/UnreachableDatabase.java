package io.openclaw.hq.platform.app;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.platform.PlatformConfig;
import io.openclaw.hq.platform.locks.ResourceLocks;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.runs.RunLauncher;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's own run machinery wired, for the probe, to a PostgreSQL that is down (a real pool
 * at a loopback port nobody listens on): all of it ({@link #withoutRuns}), or only the locks while
 * the runs table stays reachable ({@link #withoutLocks}). The app's own database stays up for
 * every other test sharing the boot.
 */
@ApplicationScoped
public class UnreachableDatabase {

    private final AgroalDataSource down = TestDataSources.unreachable();
    private final RunLauncher withoutRuns;
    private final RunLauncher withoutLocks;

    public UnreachableDatabase(RunRecorder recorder, ArtifactRoot artifactRoot, PlatformConfig config) {
        this.withoutRuns = new RunLauncher(new RunRecorder(new RunStore(down), artifactRoot, config),
                new ResourceLocks(down, config));
        this.withoutLocks = new RunLauncher(recorder, new ResourceLocks(down, config));
    }

    /** Neither the run nor its lock can be written. */
    public RunLauncher withoutRuns() {
        return withoutRuns;
    }

    /** The run is recorded, its lock cannot be checked. */
    public RunLauncher withoutLocks() {
        return withoutLocks;
    }

    @PreDestroy
    void close() {
        down.close();
    }
}
