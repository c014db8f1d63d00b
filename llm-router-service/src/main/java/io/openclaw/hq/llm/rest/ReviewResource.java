package io.openclaw.hq.llm.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.llm.review.ReviewRequest;
import io.openclaw.hq.llm.review.ReviewService;
import jakarta.ws.rs.Consumes;
import io.openclaw.hq.platform.runs.Caller;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The review gate, for runner-service. */
@Path("/v1/review")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService reviews;

    public ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode review(ReviewRequest request, @HeaderParam(Caller.TRIGGER_HEADER) String trigger,
            @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        Caller caller = Caller.of(trigger, actor);
        // without X-HQ-Actor the caller is the holder of the internal token (runner-service), named by its fingerprint
        return reviews.review(request, actor == null || actor.isBlank() ? null : caller);
    }
}
