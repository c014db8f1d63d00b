package io.openclaw.hq.notify.rest;

import io.openclaw.hq.notify.model.ProviderCheck;
import io.openclaw.hq.notify.service.ProviderChecks;
import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /providers/{pushover|twilio}/check}: one light authenticated call to the provider with
 * the stored credentials, answered 200 with PASS or FAIL and an error class (a failed check is a
 * result, not an error of this endpoint). Internal token required, as for every path.
 */
@Path("/providers")
@Produces(MediaType.APPLICATION_JSON)
public class ProvidersResource {

    private final ProviderChecks checks;

    public ProvidersResource(ProviderChecks checks) {
        this.checks = checks;
    }

    @POST
    @Path("/{provider}/check")
    public ProviderCheck check(@PathParam("provider") String provider) {
        return checks.check(provider).orElseThrow(() -> ProblemException.notFound("no provider '"
                + (provider.matches("[a-z0-9_-]{1,32}") ? provider : "?") + "': one of "
                + String.join(", ", ProviderChecks.PROVIDERS)));
    }
}
