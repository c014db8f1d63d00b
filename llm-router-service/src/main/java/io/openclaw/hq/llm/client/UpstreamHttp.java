package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.config.RouterSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;

/**
 * The router's HTTP client for whole (non-streamed) provider exchanges: Vert.x, non-blocking,
 * keep-alive connections pooled per provider host. A plain chat completion goes from the server's
 * event loop to the provider and back without a thread hand-off; that hop is most of what the
 * router adds to a call's latency (docs/BENCHMARKS.md).
 *
 * <p>The body is collected with {@code compose(response -> response.body())}, which registers
 * the body handler inside the response callback, before any data can be delivered. That holds only
 * when the exchange belongs to an event-loop context: started from a Quarkus worker thread, whose
 * Vert.x context is the request's, callbacks and data could run on different threads and a body
 * could arrive empty (seen under load). So an exchange asked for off the event loop is started on
 * the client's own event-loop context.
 */
@ApplicationScoped
public class UpstreamHttp {

    private final HttpClient client;
    private final Context offLoopContext;

    public UpstreamHttp(Vertx vertx, RouterSettings settings) {
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout(settings.connectTimeoutMs())
                .setVerifyHost(true)
                .setForceSni(true);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(settings.connectionsPerProvider()));
        this.offLoopContext = ((VertxInternal) vertx).createEventLoopContext();
    }

    /** A provider's whole answer, and how long it took from sending to the last byte. */
    public record Answer(int status, Buffer body, long nanos) {
    }

    /**
     * Sends one request; {@code timeout} bounds the silence between bytes, which for a
     * non-streamed completion is the wait for the whole answer. Failures are transport failures
     * (refused, reset, timed out); any HTTP status is an {@link Answer}.
     */
    public Future<Answer> exchange(HttpMethod method, URI uri, MultiMap headers, Buffer body, Duration timeout) {
        if (Context.isOnEventLoopThread()) {
            return exchangeOnLoop(method, uri, headers, body, timeout);
        }
        Promise<Answer> answer = Promise.promise();
        offLoopContext.runOnContext(ignored -> exchangeOnLoop(method, uri, headers, body, timeout).onComplete(answer));
        return answer.future();
    }

    private Future<Answer> exchangeOnLoop(HttpMethod method, URI uri, MultiMap headers, Buffer body, Duration timeout) {
        RequestOptions request = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(uri.toString())
                .setHeaders(headers)
                .setFollowRedirects(false)
                .setIdleTimeout(timeout.toMillis());
        long start = System.nanoTime();
        return client.request(request)
                .compose(outgoing -> body == null ? outgoing.send() : outgoing.send(body))
                .compose(response -> response.body()
                        .map(bytes -> new Answer(response.statusCode(), bytes, System.nanoTime() - start)));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
