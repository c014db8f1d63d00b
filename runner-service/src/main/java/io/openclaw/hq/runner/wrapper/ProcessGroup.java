package io.openclaw.hq.runner.wrapper;

import io.openclaw.hq.runner.git.Commands;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The process group a wrapper leads (it is started through {@code setsid}, so its pid is the
 * group id). Signals go to the whole group with {@code kill -SIG -- -pgid}, which reaches children
 * that were re-parented after their parent died; the live descendants are signalled too, for any
 * child that left the group.
 */
final class ProcessGroup {

    private final long pgid;
    private final ProcessHandle leader;

    ProcessGroup(Process leader) {
        this.pgid = leader.pid();
        this.leader = leader.toHandle();
    }

    void terminate() {
        signal("-TERM");
        leader.descendants().forEach(ProcessHandle::destroy);
    }

    void kill() {
        signal("-KILL");
        leader.descendants().forEach(ProcessHandle::destroyForcibly);
        leader.destroyForcibly();
    }

    private void signal(String signal) {
        // an empty group (everyone already gone) makes kill exit 1: nothing left to stop
        Commands.run(null, Duration.ofSeconds(5), Map.of(), List.of("kill", signal, "--", "-" + pgid));
    }
}
