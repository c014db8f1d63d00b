package io.openclaw.hq.gateway.pages;

import io.openclaw.hq.gateway.auth.CurrentPrincipal;
import io.openclaw.hq.gateway.auth.Principal;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the layout's context from the authenticated session. */
@ApplicationScoped
public class PageContexts {

    private final CurrentPrincipal caller;

    public PageContexts(CurrentPrincipal caller) {
        this.caller = caller;
    }

    public PageContext of(String active) {
        Principal p = caller.get();
        return new PageContext(active, p.csrfToken() == null ? "" : p.csrfToken(), p.actor(), p.person());
    }
}
