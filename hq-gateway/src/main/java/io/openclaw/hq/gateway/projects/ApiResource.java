package io.openclaw.hq.gateway.projects;

import io.openclaw.hq.gateway.pages.QueryParams;
import io.openclaw.hq.gateway.runs.RunQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.Backends;
import io.openclaw.hq.gateway.panels.KeyValue;
import io.openclaw.hq.gateway.panels.Panel;
import io.openclaw.hq.gateway.runs.RunFeedPage;
import io.openclaw.hq.gateway.runs.RunFilter;
import io.openclaw.hq.gateway.runs.RunLogView;
import io.openclaw.hq.gateway.runs.RunView;
import io.openclaw.hq.gateway.backends.DisplayCache;
import io.openclaw.hq.gateway.panels.Panels;
import io.openclaw.hq.gateway.runs.RunFeed;
import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The JSON behind the pages: projects, the merged run feed, AI and LLM status. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ApiResource {

    private final ProjectCards projects;
    private final RunFeed feed;
    private final Backends backends;
    private final DisplayCache cache;

    public ApiResource(ProjectCards projects, RunFeed feed, Backends backends, DisplayCache cache) {
        this.projects = projects;
        this.feed = feed;
        this.backends = backends;
        this.cache = cache;
    }

    @GET
    @Path("/projects")
    public Map<String, List<ProjectCard>> projects() {
        return Map.of("projects", projects.cards());
    }

    @GET
    @Path("/runs")
    public RunFeedPage runs(@QueryParam("project") String project, @QueryParam("service") String service,
            @QueryParam("status") String status, @QueryParam("page") String page, @QueryParam("size") String size) {
        return feed.page(RunQuery.filter(project, service, status), QueryParams.integer("page", page, 0),
                QueryParams.integer("size", size, 50));
    }

    @GET
    @Path("/runs/{id}")
    public RunView run(@PathParam("id") String id, @QueryParam("service") String service) {
        if (service != null) {
            RunQuery.checkService(service);
            return feed.find(service, id);
        }
        return feed.findAnywhere(id).orElseThrow(() -> ProblemException.notFound("no run " + id + " in any service"));
    }

    @GET
    @Path("/runs/{id}/log")
    public RunLogView runLog(@PathParam("id") String id, @QueryParam("service") String service,
            @QueryParam("after") String after) {
        if (service == null) {
            throw ProblemException.badRequest("service is required: the service that owns the run");
        }
        RunQuery.checkService(service);
        int afterLine = QueryParams.integer("after", after, 0);
        if (afterLine < 0) {
            throw ProblemException.badRequest("after must be 0 or more (the number of lines already read), was " + afterLine);
        }
        return feed.log(service, id, afterLine);
    }

    /** Configured AI providers with masked keys and fingerprints only. */
    @GET
    @Path("/ai-status")
    public ObjectNode aiStatus() {
        BackendReply reply = cache.getNow("llm.status", backends::llmStatus);
        Panel connections = Panels.aiConnectionsOf(reply);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("source", reply.backend().serviceName());
        result.put("available", connections.isOk());
        if (!connections.isOk()) {
            result.put("reason", connections.reason());
        }
        var list = result.putArray("providers");
        for (KeyValue row : connections.rows()) {
            list.addObject().put("name", row.key()).put("key", row.value()).put("configured", "ok".equals(row.tone()));
        }
        JsonNode body = reply.body();
        if (reply.isOk()) {
            JsonNode review = body.has("reviewGate") ? body.get("reviewGate") : body.path("router").path("review");
            if (!review.isMissingNode()) {
                result.set("reviewGate", review);
            }
        }
        return result;
    }

    /** The router's own status document, or 503 naming why it could not be read. */
    @GET
    @Path("/llm/status")
    public JsonNode llmStatus() {
        BackendReply reply = cache.getNow("llm.status", backends::llmStatus);
        if (!reply.isOk()) {
            throw new ProblemException(503, "service unavailable", reply.reason());
        }
        return reply.body();
    }
}
