package io.openclaw.hq.notify.service;

import io.openclaw.hq.platform.auth.InternalToken;
import io.openclaw.hq.platform.secrets.Secret;
import jakarta.enterprise.context.ApplicationScoped;

/** The actor recorded on runs and maintenance windows: the internal token's fingerprint, never the token. */
@ApplicationScoped
public class CallerIdentity {

    private final InternalToken token;

    public CallerIdentity(InternalToken token) {
        this.token = token;
    }

    public String actor() {
        return token.current().map(Secret::fingerprint).orElse("unknown");
    }
}
