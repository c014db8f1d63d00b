package io.openclaw.hq.gateway.runs;

import io.openclaw.hq.gateway.backends.Backend;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.Backends;
import io.openclaw.hq.gateway.backends.DisplayCache;
import io.openclaw.hq.gateway.backends.FanOut;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.RunLogPage;
import io.openclaw.hq.platform.runs.RunRecord;
import io.openclaw.hq.platform.runs.RunRecorder;
import io.openclaw.hq.platform.runs.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The merged run feed: every backend's {@code GET /runs} plus the gateway's own runs (failed
 * dispatches), newest first. A service that cannot be read is named, and the rest still shows.
 */
@ApplicationScoped
public class RunFeed {

    public static final String GATEWAY = "hq-gateway";
    static final int MAX_FETCH = 500;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Comparator<RunView> NEWEST_FIRST = Comparator
            .comparing(RunView::startedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RunView::id, Comparator.nullsLast(Comparator.reverseOrder()));

    private final Backends backends;
    private final DisplayCache cache;
    private final RunStore ownRuns;
    private final RunRecorder recorder;
    private final FanOut fanOut;
    /** The gateway's own recent runs, kept like panel data so fifty readers do not queue for the pool. */
    private volatile OwnRuns ownCache;

    private record OwnRuns(long fetchedAt, long generation, int limit, List<RunView> runs) {
    }

    public RunFeed(Backends backends, DisplayCache cache, RunStore ownRuns, RunRecorder recorder, FanOut fanOut) {
        this.backends = backends;
        this.cache = cache;
        this.ownRuns = ownRuns;
        this.recorder = recorder;
        this.fanOut = fanOut;
    }

    public RunFeedPage page(RunFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw ProblemException.badRequest("page must be 0 or more and size between 1 and 200");
        }
        boolean narrowing = filter.project() != null || filter.status() != null;
        int fetch = Math.min(MAX_FETCH, Math.max(100, (page + 1) * size * (narrowing ? 4 : 1)));
        List<RunView> merged = new ArrayList<>();
        List<SourceState> sources = new ArrayList<>();
        List<Backend> wanted = new ArrayList<>();
        List<CompletableFuture<BackendReply<List<RunRecord>>>> replies = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            if (filter.service() == null || filter.service().equals(backend.serviceName())) {
                wanted.add(backend);
                replies.add(cache.get(backend.serviceName() + ":runs:" + fetch, () -> backends.runs(backend, null, fetch)));
            }
        }
        if (filter.service() == null || GATEWAY.equals(filter.service())) {
            merged.addAll(ownRecent(fetch));
            sources.add(new SourceState(GATEWAY, true, null));
        }
        for (int i = 0; i < wanted.size(); i++) {
            Backend backend = wanted.get(i);
            BackendReply<List<RunRecord>> reply = replies.get(i).join();
            if (reply.isOk()) {
                reply.value().forEach(record -> merged.add(RunView.from(record, backend.serviceName())));
                sources.add(new SourceState(backend.serviceName(), true, null));
            } else {
                sources.add(new SourceState(backend.serviceName(), false, reply.reason()));
            }
        }
        List<RunView> filtered = merged.stream().filter(filter::matches).sorted(NEWEST_FIRST).toList();
        int from = Math.min(filtered.size(), page * size);
        int to = Math.min(filtered.size(), from + size);
        return new RunFeedPage(filtered.subList(from, to), page, size, filtered.size() > to, sources);
    }

    private List<RunView> ownRecent(int limit) {
        OwnRuns cached = ownCache;
        long now = System.nanoTime();
        if (cached != null && cached.limit() >= limit && cached.generation() == cache.generation()
                && now - cached.fetchedAt() < cache.ttlNanos()) {
            return cached.runs().size() > limit ? cached.runs().subList(0, limit) : cached.runs();
        }
        long generation = cache.generation();
        List<RunView> runs = ownRuns.list(null, limit).stream().map(RunView::from).toList();
        ownCache = new OwnRuns(now, generation, limit, runs);
        return runs;
    }

    /** The newest runs of every service, for project cards and the overview. */
    public RunFeedPage recent(int size) {
        return page(RunFilter.none(), 0, size);
    }

    /** One run; an unknown service or id is a 404, an unreachable service a 503. */
    public RunView find(String service, String id) {
        checkId(id);
        if (GATEWAY.equals(service)) {
            return ownRuns.find(id).map(RunView::from).orElseThrow(() -> ProblemException.notFound("no run " + id));
        }
        Backend backend = backendOf(service);
        BackendReply<RunRecord> reply = backends.run(backend, id);
        if (reply.isOk()) {
            return RunView.from(reply.value(), backend.serviceName());
        }
        if (reply.isUnavailable()) {
            throw new ProblemException(503, "service unavailable", reply.reason());
        }
        throw ProblemException.notFound("no run " + id + " in " + service);
    }

    /** A run by id alone: every service is asked at once. */
    public Optional<RunView> findAnywhere(String id) {
        checkId(id);
        Optional<RunView> own = ownRuns.find(id).map(RunView::from);
        if (own.isPresent()) {
            return own;
        }
        List<CompletableFuture<BackendReply<RunRecord>>> replies = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            replies.add(fanOut.submit(() -> backends.run(backend, id)));
        }
        for (int i = 0; i < replies.size(); i++) {
            BackendReply<RunRecord> reply = replies.get(i).join();
            if (reply.isOk()) {
                return Optional.of(RunView.from(reply.value(), Backend.values()[i].serviceName()));
            }
        }
        return Optional.empty();
    }

    public RunLogView log(String service, String id, int after) {
        checkId(id);
        if (after < 0) {
            throw ProblemException.badRequest("after must be 0 or more, was " + after);
        }
        if (GATEWAY.equals(service)) {
            RunView run = find(service, id);
            Path file = recorder.directoryOf(id).orElseThrow(() -> ProblemException.notFound("no run " + id))
                    .resolve("output.log");
            try {
                List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
                int start = Math.min(after, all.size());
                return new RunLogView(id, after, all.size(), all.subList(start, all.size()), run.isFinished());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        BackendReply<RunLogPage> reply = backends.runLog(backendOf(service), id, after);
        if (!reply.isOk()) {
            throw new ProblemException(reply.isUnavailable() ? 503 : 404,
                    reply.isUnavailable() ? "service unavailable" : "not found", reply.reason());
        }
        RunLogPage page = reply.value();
        return new RunLogView(id, after, page.next(), page.lines() == null ? List.of() : page.lines(), page.finished());
    }

    public static Backend backendOf(String service) {
        return Backend.byServiceName(service)
                .orElseThrow(() -> ProblemException.notFound("no service '" + service + "'"));
    }

    private static void checkId(String id) {
        if (id == null || !RUN_ID.matcher(id).matches()) {
            throw ProblemException.badRequest("run id must match " + RUN_ID.pattern());
        }
    }
}
