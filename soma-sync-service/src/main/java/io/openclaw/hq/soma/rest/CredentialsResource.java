package io.openclaw.hq.soma.rest;

import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.soma.model.CredentialCheck;
import io.openclaw.hq.soma.service.CredentialChecks;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /soma/credentials/check?provider=kajabi|gmail}: the lightest authenticated call with
 * the stored credentials, answered 200 with PASS or FAIL and an error class (a failed check is a
 * result, not an error of this endpoint). Internal token required, as for every path.
 */
@Path("/soma/credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {

    private final CredentialChecks checks;

    public CredentialsResource(CredentialChecks checks) {
        this.checks = checks;
    }

    @POST
    @Path("/check")
    public CredentialCheck check(@QueryParam("provider") String provider) throws InterruptedException {
        String known = String.join(", ", CredentialChecks.PROVIDERS);
        if (provider == null || provider.isBlank()) {
            throw ProblemException.badRequest("provider is required: one of " + known);
        }
        return checks.check(provider).orElseThrow(() -> ProblemException.badRequest("no provider '"
                + (provider.matches("[a-z0-9_-]{1,32}") ? provider : "?") + "': one of " + known));
    }
}
