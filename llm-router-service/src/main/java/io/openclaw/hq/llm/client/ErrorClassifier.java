package io.openclaw.hq.llm.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.openclaw.hq.llm.model.ErrorClass;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Which provider failures are transient: the specification of the review fallback
 * (ORIGINAL_HANDOFF "Review Fallback Behavior"). 429 is quota, 500 to 504 server trouble, and a
 * connection that could not be made or answered in time is network trouble. Everything else,
 * including a body that does not parse, is non-transient: no fallback, fail at once.
 */
public final class ErrorClassifier {

    private ErrorClassifier() {
    }

    public static ErrorClass ofStatus(int status) {
        if (status == 429) {
            return ErrorClass.TRANSIENT_QUOTA;
        }
        if (status >= 500 && status <= 504) {
            return ErrorClass.TRANSIENT_SERVER;
        }
        return ErrorClass.NON_TRANSIENT;
    }

    public static ErrorClass ofFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // a parse error is an IOException too, but a malformed answer is not a network fault
            if (t instanceof JsonProcessingException) {
                return ErrorClass.NON_TRANSIENT;
            }
            // JDK client: HttpTimeoutException; Vert.x client: TimeoutException (idle), HttpClosedException
            // (the provider closed the connection mid-answer); both: ConnectException (refused, timed out)
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t instanceof ConnectException || t instanceof ClosedChannelException
                    || t instanceof HttpClosedException) {
                return ErrorClass.TRANSIENT_NETWORK;
            }
        }
        // any other I/O failure on the wire (reset, premature end) is the network too
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return ErrorClass.TRANSIENT_NETWORK;
            }
        }
        return ErrorClass.NON_TRANSIENT;
    }
}
