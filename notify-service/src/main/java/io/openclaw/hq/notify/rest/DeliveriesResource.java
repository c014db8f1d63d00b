package io.openclaw.hq.notify.rest;

import io.openclaw.hq.notify.model.DeliveryRecord;
import io.openclaw.hq.notify.store.DeliveryStore;
import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final DeliveryStore deliveries;

    public DeliveriesResource(DeliveryStore deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    public List<DeliveryRecord> newest(@QueryParam("limit") Integer limit) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return deliveries.newest(effective);
    }
}
