package io.openclaw.hq.llm.client;

import java.io.InputStream;

/** An upstream server-sent-event stream that answered 200; the caller relays and closes it. */
public record UpstreamStream(InputStream body, long headersNanos) {
}
