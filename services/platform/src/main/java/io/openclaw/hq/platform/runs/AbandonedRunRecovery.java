package io.openclaw.hq.platform.runs;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import org.jboss.logging.Logger;

/** At start-up, a run still marked running belonged to a process that died: it becomes interrupted. */
@ApplicationScoped
public class AbandonedRunRecovery {

    private static final Logger LOG = Logger.getLogger(AbandonedRunRecovery.class);
    static final String REASON = "the service stopped while this run was in progress";

    private final RunStore store;
    private final RunRecorder recorder;

    public AbandonedRunRecovery(RunStore store, RunRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    void onStart(@Observes StartupEvent event) {
        for (RunRecord run : store.interruptAbandoned(Instant.now(), REASON)) {
            LOG.warnf("run %s (%s) was left running; marked interrupted", run.id(), run.action());
            try {
                recorder.rewriteRunJson(run);
            } catch (RuntimeException e) {
                LOG.warnf("run.json of interrupted run %s not rewritten: %s", run.id(), e.getMessage());
            }
        }
    }
}
