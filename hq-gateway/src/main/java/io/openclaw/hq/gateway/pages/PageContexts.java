package io.openclaw.hq.gateway.pages;

import io.openclaw.hq.gateway.auth.CurrentPrincipal;
import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.gateway.targets.ActiveTarget;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the layout's context from the authenticated session. */
@ApplicationScoped
public class PageContexts {

    private final CurrentPrincipal caller;
    private final ActiveTarget target;

    public PageContexts(CurrentPrincipal caller, ActiveTarget target) {
        this.caller = caller;
        this.target = target;
    }

    public PageContext of(String active) {
        Principal p = caller.get();
        return new PageContext(active, p.csrfToken() == null ? "" : p.csrfToken(), p.actor(), p.person(),
                target.label());
    }
}
