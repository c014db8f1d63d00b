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
    private final GuardHeadWitness witness;

    public AuditResource(AuditLog audit, GuardHeadWitness witness) {
        this.audit = audit;
        this.witness = witness;
    }

    @GET
    public List<AuditEntry> latest(@QueryParam("limit") String limit) {
        int n = QueryParams.integer("limit", limit, 100);
        if (n < 1 || n > MAX_LIMIT) {
            throw io.openclaw.hq.platform.errors.ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        return audit.latest(n);
    }

    /** The chain recomputed, then checked against the newest head the host guard recorded (entries cut off at the end). */
    @GET
    @Path("/verify")
    public AuditVerification verify() {
        List<AuditEntry> entries = audit.all();
        return AuditChain.verify(entries).withGuardHead(witness.check(entries));
    }
}
