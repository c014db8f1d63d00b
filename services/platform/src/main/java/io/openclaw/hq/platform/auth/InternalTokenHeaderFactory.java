package io.openclaw.hq.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Adds the internal token to every call of a REST client that names this factory with
 * {@code @RegisterClientHeaders(InternalTokenHeaderFactory.class)}.
 */
@ApplicationScoped
public class InternalTokenHeaderFactory implements ClientHeadersFactory {

    private final InternalToken token;

    public InternalTokenHeaderFactory(InternalToken token) {
        this.token = token;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        token.current().ifPresent(secret -> headers.putSingle(InternalToken.HEADER, secret.reveal()));
        return headers;
    }
}
