package io.openclaw.hq.platform.app;

import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.platform.config.ConfigFileLoader;
import io.openclaw.hq.platform.locks.LockHandle;
import io.openclaw.hq.platform.locks.ResourceLocks;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.openclaw.hq.platform.errors.NoBody;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunAccepted;
import io.openclaw.hq.platform.runs.RunLauncher;
import io.openclaw.hq.platform.runs.RunRequest;
import io.openclaw.hq.platform.runs.RunTrigger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A stand-in service used only by the platform's own tests. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record EchoRequest(String message, int count) {
    }

    private final ConfigFileLoader loader;
    private final RunLauncher launcher;
    private final RunGates gates;
    private final ResourceLocks locks;
    private final SecretResolver secrets;
    private final UnreachableDatabase unreachable;
    private final AgroalDataSource dataSource;
    private final Map<String, LockHandle> held = new ConcurrentHashMap<>();

    public ProbeResource(ConfigFileLoader loader, ResourceLocks locks, SecretResolver secrets, RunLauncher launcher,
            RunGates gates, UnreachableDatabase unreachable, AgroalDataSource dataSource) {
        this.unreachable = unreachable;
        this.dataSource = dataSource;
        this.loader = loader;
        this.launcher = launcher;
        this.gates = gates;
        this.locks = locks;
        this.secrets = secrets;
    }

    void loadConfigAtStart(@Observes StartupEvent event) {
        loader.load("sample.json", SampleConfig.class);
    }

    @POST
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public EchoRequest echo(EchoRequest request) {
        return request;
    }

    /** An action that takes time: logs, waits at the gate named {@code gate}, logs again, ends as {@code outcome}. */
    @POST
    @Path("/slow/{gate}")
    public Response slow(@PathParam("gate") String gate, @QueryParam("outcome") String outcome, String body,
            @HeaderParam(Caller.TRIGGER_HEADER) String trigger, @HeaderParam(Caller.ACTOR_HEADER) String actor) {
        NoBody.require(body);
        Caller caller = Caller.of(trigger, actor);
        RunAccepted accepted = launcher.launch(RunRequest.of("probe", "slow", caller.trigger(), caller.actor()),
                "slow:" + gate, run -> {
                    run.log("waiting at gate " + gate);
                    gates.await(gate);
                    run.log("gate " + gate + " open");
                    switch (outcome == null ? "success" : outcome) {
                        case "throw" -> throw new IllegalStateException("the probe broke on purpose");
                        case "silent" -> {
                            // returns without an ending
                        }
                        default -> run.succeed("passed gate " + gate);
                    }
                });
        return Response.accepted(accepted).build();
    }

    /** An action launched while the database is down: {@code part} is "runs" (nothing reachable) or "locks". */
    @POST
    @Path("/offline/{part}")
    public Response offline(@PathParam("part") String part, String body) {
        NoBody.require(body);
        RunLauncher down = switch (part) {
            case "runs" -> unreachable.withoutRuns();
            case "locks" -> unreachable.withoutLocks();
            default -> throw ProblemException.notFound("no part " + part);
        };
        RunAccepted accepted = down.launch(RunRequest.of("probe", "offline-" + part, RunTrigger.API, "api"),
                "offline:" + part, run -> run.succeed("ran without a database"));
        return Response.accepted(accepted).build();
    }

    /** A genuine bug that reaches the database: SQL PostgreSQL rejects. */
    @GET
    @Path("/bad-sql")
    public String badSql() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELEC 1");
        }
        return "unreachable";
    }

    @GET
    @Path("/sample")
    public SampleConfig sample() {
        return loader.load("sample.json", SampleConfig.class).require();
    }

    @GET
    @Path("/boom")
    public String boom() {
        String key = secrets.resolve("openai_api_key").orElseThrow().reveal();
        throw new IllegalStateException("upstream refused key " + key);
    }

    @POST
    @Path("/locks/{resource}/{runId}")
    public Map<String, String> lock(@PathParam("resource") String resource, @PathParam("runId") String runId) {
        held.put(resource, locks.acquire(resource, runId));
        return Map.of("resource", resource, "runId", runId);
    }

    @DELETE
    @Path("/locks/{resource}")
    public void unlock(@PathParam("resource") String resource) {
        LockHandle handle = held.remove(resource);
        if (handle != null) {
            handle.close();
        }
    }
}
