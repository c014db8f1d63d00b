package io.openclaw.hq.llm.client;

/** A call refused by {@link CallAdmission}: the router already carries as many as it may. */
public class CallsInFlightException extends RuntimeException {

    private final int maxInFlight;

    public CallsInFlightException(int maxInFlight, long waitedMs) {
        super(maxInFlight + " calls in flight to providers, the router's cap (openclaw.llm.max-calls-in-flight); "
                + "no place freed within " + waitedMs + " ms or the waiting room was full. Not sent upstream: try again",
                null, false, false);
        this.maxInFlight = maxInFlight;
    }

    public int maxInFlight() {
        return maxInFlight;
    }
}
