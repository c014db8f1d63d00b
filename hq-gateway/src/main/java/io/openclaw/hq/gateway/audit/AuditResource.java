package io.openclaw.hq.gateway.audit;

import io.openclaw.hq.gateway.pages.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit log, newest first, and the check of its hash chain. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_LIMIT = 1000;

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public List<AuditEntry> latest(@QueryParam("limit") String limit) {
        int n = QueryParams.integer("limit", limit, 100);
        if (n < 1 || n > MAX_LIMIT) {
            throw io.openclaw.hq.platform.errors.ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        return audit.latest(n);
    }

    @GET
    @Path("/verify")
    public AuditVerification verify() {
        return audit.verify();
    }
}
