package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, bound by {@link AuthFilter}. */
@RequestScoped
public class CurrentPrincipal {

    private Principal principal;

    void bind(Principal value) {
        this.principal = value;
    }

    /** Never null on a protected path; the filter refused the request otherwise. */
    public Principal get() {
        if (principal == null) {
            throw new ProblemException(401, "unauthorized", "no authenticated caller");
        }
        return principal;
    }

    public java.util.Optional<Principal> find() {
        return java.util.Optional.ofNullable(principal);
    }
}
