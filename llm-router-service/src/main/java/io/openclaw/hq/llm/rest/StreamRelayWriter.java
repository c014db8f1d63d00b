package io.openclaw.hq.llm.rest;

import io.openclaw.hq.llm.service.StreamRelay;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerHttpResponse;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes a streamed completion. The chat endpoint is non-blocking, so Quarkus REST writes its
 * answers on the event loop; a relay blocks on the upstream for as long as the model talks, so the
 * request is suspended and the relay runs on a worker thread, writing through the blocking output
 * stream, which waits for the client when its buffer is full. The event loop is free at once.
 */
@Provider
public class StreamRelayWriter implements ServerMessageBodyWriter<StreamRelay> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return StreamRelay.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return StreamRelay.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(StreamRelay relay, Type genericType, ServerRequestContext context) {
        ResteasyReactiveRequestContext exchange = (ResteasyReactiveRequestContext) context;
        ServerHttpResponse response = context.serverResponse();
        exchange.suspend();
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try (OutputStream out = context.getOrCreateOutputStream()) {
                relay.relayTo(out, response::closed);
            } catch (IOException | RuntimeException e) {
                // the relay has settled the call already; a close that fails only means the client left
            } finally {
                exchange.resume();
            }
        });
    }

    @Override
    public void writeTo(StreamRelay relay, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) {
        // only the server path above is used; a blocking writeTo could run on the event loop
        throw new UnsupportedOperationException("a stream relay is written by writeResponse only");
    }
}
