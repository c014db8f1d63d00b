package io.openclaw.hq.llm.client;

import java.util.concurrent.CompletionException;

/**
 * The failure a {@code CompletionStage} carries, as it was thrown: stages wrap it in
 * {@link CompletionException} as it passes from one to the next, and mappers and callers must see
 * the {@code ProviderException} or {@code ProblemException} itself.
 */
public final class AsyncFailures {

    private AsyncFailures() {
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The unwrapped failure, ready to throw: a runtime exception as it is, anything else wrapped once. */
    public static RuntimeException rethrowable(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
