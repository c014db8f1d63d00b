package io.openclaw.hq.platform.runs;

import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** The run feed every service exposes in the same shape, for the gateway's Runs page. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_LOG_LINES_PER_PAGE = 2000;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final RunStore store;
    private final RunRecorder recorder;

    public RunsResource(RunStore store, RunRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    @GET
    public List<RunRecord> list(@QueryParam("since") String since, @QueryParam("limit") String limitParam) {
        Integer limit = whole("limit", limitParam);
        int effectiveLimit = limit == null ? DEFAULT_LIMIT : limit;
        if (effectiveLimit < 1 || effectiveLimit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return store.list(parseSince(since), effectiveLimit);
    }

    @GET
    @Path("/{id}")
    public RunRecord get(@PathParam("id") String id) {
        return store.find(checkedId(id)).orElseThrow(() -> ProblemException.notFound("no run " + id));
    }

    @GET
    @Path("/{id}/log")
    public RunLogPage log(@PathParam("id") String id, @QueryParam("after") String afterParam) {
        Integer after = whole("after", afterParam);
        int from = after == null ? 0 : after;
        if (from < 0) {
            throw ProblemException.badRequest("after must be 0 or more, was " + after);
        }
        RunRecord run = get(id);
        java.nio.file.Path logFile = recorder.directoryOf(run.id()).orElseThrow()
                .resolve(RunRecorder.OUTPUT_LOG);
        List<String> all;
        try {
            all = Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = Math.min(from, all.size());
        int end = Math.min(all.size(), start + MAX_LOG_LINES_PER_PAGE);
        boolean finished = run.status().isFinished() && end == all.size();
        return new RunLogPage(run.id(), from, end, all.subList(start, end), finished);
    }

    /** A whole-number query parameter: absent → null, anything else that is not a number → a 400 naming it. */
    private static Integer whole(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a whole number, was '"
                    + (value.length() > 16 ? value.substring(0, 16) + "…" : value).replaceAll("[^\\x20-\\x7e]", "?") + "'");
        }
    }

    private static String checkedId(String id) {
        if (!RUN_ID.matcher(id).matches()) {
            throw ProblemException.badRequest("run id must match " + RUN_ID.pattern());
        }
        return id;
    }

    private static Instant parseSince(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("since must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, was '"
                    + since + "'");
        }
    }
}
