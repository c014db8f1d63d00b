package io.openclaw.hq.runner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where runner-service keeps mirrors and worktrees, and how its queue behaves. */
@ConfigMapping(prefix = "runner")
public interface RunnerConfig {

    /** Holds {@code mirrors/}, {@code worktrees/} and {@code scratch/}; never inside the artifact root. */
    @WithDefault(".hq/runner")
    String workDir();

    Queue queue();

    Wrappers wrappers();

    Alerts alerts();

    interface Queue {
        /** Jobs waiting at most; one more is refused with 429. */
        @WithDefault("100")
        int capacity();

        /** Jobs running at once (different repositories; one repository runs one job at a time). */
        @WithDefault("2")
        int workers();

        /** How often an idle worker looks for a job it was not woken for (a job queued by another instance). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Output lines kept per job; beyond it the run's output says it was cut and the rest is drained. */
        @WithDefault("50000")
        int maxOutputLines();
    }

    interface Wrappers {
        /** A folder of extra wrappers ({@code <name>.sh}), looked in after the shipped ones; tests use it. */
        Optional<String> extraDir();
    }

    interface Alerts {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("runner-service")
        String source();
    }
}
