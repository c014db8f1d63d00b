package io.openclaw.hq.llm.rest;

import io.openclaw.hq.llm.service.StreamRelay;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Makes sure a stream relay is settled when the HTTP layer never runs it: a client that leaves
 * while the router waits for the upstream's headers gets no answer written, so without this its
 * reservation would stay held and the upstream connection open. Whichever comes second, the
 * relay being opened or the request ending, hands the relay its settlement;
 * {@link StreamRelay#settleUnrelayed} does nothing once the relay ran.
 */
final class RelayCustody {

    private StreamRelay relay;
    private boolean requestEnded;

    /** Called on the worker thread that opened the relay. */
    synchronized void opened(StreamRelay opened) {
        relay = opened;
        if (requestEnded) {
            relay.settleUnrelayed();
        }
    }

    /** Called when Quarkus REST completes the request, possibly on the event loop. */
    synchronized void requestEnded() {
        requestEnded = true;
        if (relay != null) {
            StreamRelay toSettle = relay;
            // settling writes to the database: not on the event loop
            Infrastructure.getDefaultWorkerPool().execute(toSettle::settleUnrelayed);
        }
    }
}
