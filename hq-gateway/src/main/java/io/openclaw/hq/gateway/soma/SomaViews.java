package io.openclaw.hq.gateway.soma;

import io.openclaw.hq.gateway.actions.ActionCatalog;
import io.openclaw.hq.gateway.backends.Backend;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.Backends;
import io.openclaw.hq.gateway.backends.DisplayCache;
import io.openclaw.hq.gateway.backends.SomaContract;
import io.openclaw.hq.gateway.panels.PanelReader;
import io.openclaw.hq.gateway.panels.Words;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads what the Soma page shows from soma-sync-service (status, the latest mirror report, each
 * product's latest change summary; through the display cache like every panel) and turns it into
 * a {@link SomaView}. Never throws: a service that cannot be read becomes the page's
 * {@code unavailable} line, a report that does not exist yet says so in its place.
 */
@ApplicationScoped
public class SomaViews {

    /** The Soma actions that start runs, in the order the page offers them. */
    static final List<String> ACTIONS = List.of("soma_snapshot_home", "soma_snapshot_practitioner", "soma_harvest",
            "soma_mirror");
    /** A diff of two large libraries may hold thousands of findings: the page shows this many and says so. */
    static final int MAX_MIRROR_ROWS = 200;
    static final int MAX_CHANGE_ROWS = 100;
    private static final String SERVICE = Backend.SOMA.serviceName();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SomaViews.class);
    private static final List<String> KINDS = List.of("missing_in_target", "missing_in_source", "title_mismatch",
            "order_drift", "publish_drift");

    private final Backends backends;
    private final DisplayCache cache;

    public SomaViews(Backends backends, DisplayCache cache) {
        this.backends = backends;
        this.cache = cache;
    }

    public SomaView current() {
        BackendReply<SomaContract.Status> status = cache.getNow(SERVICE + ":status", backends::somaStatus);
        if (!status.isOk()) {
            return unavailable(status.reason());
        }
        BackendReply<SomaContract.LatestMirror> mirror = cache.getNow(SERVICE + ":mirror-latest", backends::somaLatestMirror);
        List<BackendReply<SomaContract.LatestChanges>> changes = new ArrayList<>();
        for (SomaContract.Product product : status.value().products()) {
            changes.add(cache.getNow(SERVICE + ":changes-latest:" + product.slug(),
                    () -> backends.somaLatestChanges(product.slug())));
        }
        try {
            return of(status.value(), mirror, changes);
        } catch (RuntimeException e) {
            // an answer that fits the contract but lacks a part the page needs: say so rather than answer 500
            LOG.warnf("soma-sync-service: status could not be shown: %s", e.toString());
            return unavailable("soma-sync-service's answer could not be shown (" + e.getClass().getSimpleName() + ")");
        }
    }

    static List<SomaView.Button> buttons() {
        return ACTIONS.stream().map(a -> ActionCatalog.find(a).orElseThrow())
                .map(spec -> new SomaView.Button(spec.name(), spec.label(), spec.description())).toList();
    }

    static SomaView unavailable(String reason) {
        return new SomaView(reason, false, List.of(), List.of(), List.of(), null, null, List.of(), null, null, List.of(),
                buttons());
    }

    static SomaView of(SomaContract.Status status, BackendReply<SomaContract.LatestMirror> mirror,
            List<BackendReply<SomaContract.LatestChanges>> changes) {
        List<SomaView.WorkflowCard> cards = status.workflows().stream().map(w -> card(w, status)).toList();
        List<SomaView.Credential> credentials = status.credentials().stream()
                .map(c -> new SomaView.Credential(c.name(), c.present(), c.source(), c.masked(), c.fingerprint())).toList();
        SomaContract.Artifacts usage = status.artifacts();
        String usageText = usage == null ? null
                : megabytes(usage.bytes()) + " of the " + megabytes(usage.capBytes()) + " cap"
                        + (usage.overCap() ? ": over the cap (SIZE_CAP)" : "");
        String usageTone = usage == null ? "" : usage.overCap() ? "bad" : "ok";
        SomaContract.Schedule s = status.schedule();
        String schedule = s == null ? null
                : !s.active() ? "off" + (s.problem() == null ? "" : ": " + s.problem())
                        : s.cron() + " (" + String.join(", ", s.workflows()) + "), next " + Words.time(s.nextRun());
        return new SomaView(null, status.configValid(), status.configViolations(), cards, status.warnings(), usageText,
                usageTone, credentials, schedule, mirror(mirror), changes.stream().map(SomaViews::changes).toList(),
                buttons());
    }

    static SomaView.WorkflowCard card(SomaContract.Workflow w, SomaContract.Status status) {
        String title = w.product() == null
                ? w.workflow().substring(0, 1).toUpperCase(Locale.ROOT) + w.workflow().substring(1)
                : "Snapshot " + w.product();
        SomaContract.RunSummary last = w.lastRun();
        SomaContract.RunSummary success = w.lastSuccess();
        String counts = null;
        if (w.product() != null) {
            counts = status.products().stream().filter(p -> w.product().equals(p.name()) && p.counts() != null)
                    .findFirst().map(p -> p.counts().modules() + " modules, " + p.counts().lessons() + " lessons, "
                            + p.counts().media() + " media").orElse(null);
        } else if ("harvest".equals(w.workflow()) && status.harvest() != null) {
            counts = status.harvest().messages() + " messages with videos, " + status.harvest().videos() + " videos";
        }
        List<SomaView.ArtifactLink> artifacts = success == null ? List.of() : success.artifacts().stream()
                .map(path -> new SomaView.ArtifactLink(path.substring(path.lastIndexOf('/') + 1), "/artifacts/" + path))
                .toList();
        boolean otherSuccess = success != null && (last == null || !success.runId().equals(last.runId()));
        return new SomaView.WorkflowCard(title, w.action(), last == null ? "no run yet" : last.status(),
                last == null ? "warn" : PanelReader.tone(last.status()),
                last == null ? null : Words.time(last.startedAt()), last == null ? null : runLink(last.runId()),
                last == null ? null : last.error() != null ? last.error() : last.summary(),
                otherSuccess ? Words.time(success.startedAt()) : null, otherSuccess ? runLink(success.runId()) : null,
                counts, artifacts);
    }

    static SomaView.MirrorDiff mirror(BackendReply<SomaContract.LatestMirror> reply) {
        if (!reply.isOk()) {
            return new SomaView.MirrorDiff(missing(reply), null, null, null, null, List.of(), List.of(), null);
        }
        try {
            return mirrorTable(reply.value());
        } catch (RuntimeException e) {
            // the answer fits the contract but lacks a part the table needs: the rest of the page still shows
            LOG.warnf("soma-sync-service: mirror report could not be shown: %s", e.toString());
            return new SomaView.MirrorDiff("the latest mirror report could not be shown (" + e.getClass().getSimpleName()
                    + "); open it from the mirror card's artifacts", null, null, null, null, List.of(), List.of(), null);
        }
    }

    private static SomaView.MirrorDiff mirrorTable(SomaContract.LatestMirror latest) {
        SomaContract.MirrorReport report = latest.report();
        Map<String, Integer> counts = report.counts();
        String home = report.source().product();
        String practitioner = report.target().product();
        List<SomaView.Count> kindCounts = KINDS.stream()
                .map(k -> new SomaView.Count(kindWords(k, home, practitioner), counts.getOrDefault(k, 0))).toList();
        List<SomaView.MirrorRow> rows = report.findings().stream().limit(MAX_MIRROR_ROWS)
                .map(f -> new SomaView.MirrorRow(f.kind(), kindWords(f.kind(), home, practitioner), f.level(),
                        side(f.source()), side(f.target()), f.detail()))
                .toList();
        String summary = latest.summary();
        if (report.findings().size() > MAX_MIRROR_ROWS) {
            summary = summary + " (the table shows the first " + MAX_MIRROR_ROWS + " of " + report.findings().size()
                    + " findings; the whole report is in mirror_report.json)";
        }
        String compared = report.source().product() + " (snapshot " + report.source().snapshotRunId() + ") → "
                + report.target().product() + " (snapshot " + report.target().snapshotRunId() + ")";
        return new SomaView.MirrorDiff(null, latest.runId(), runLink(latest.runId()), summary, compared, kindCounts, rows,
                "/artifacts/soma/" + latest.runId() + "/mirror_report.json");
    }

    static SomaView.ProductChanges changes(BackendReply<SomaContract.LatestChanges> reply) {
        if (!reply.isOk()) {
            return new SomaView.ProductChanges(null, missing(reply), null, null, null, List.of());
        }
        SomaContract.LatestChanges latest = reply.value();
        SomaContract.Changes c = latest.changes();
        List<SomaView.ChangeRow> rows = new ArrayList<>();
        add(rows, "added", c.added());
        add(rows, "removed", c.removed());
        add(rows, "renamed", c.renamed());
        add(rows, "moved", c.moved());
        add(rows, "publish state", c.publishState());
        int total = rows.size();
        String summary = latest.summary();
        if (total > MAX_CHANGE_ROWS) {
            summary = summary + " (the table shows the first " + MAX_CHANGE_ROWS + " of " + total
                    + " changes; all of them are in changes.json)";
        }
        return new SomaView.ProductChanges(latest.product(), null, latest.runId(), runLink(latest.runId()), summary,
                rows.subList(0, Math.min(total, MAX_CHANGE_ROWS)));
    }

    private static void add(List<SomaView.ChangeRow> rows, String change, List<SomaContract.Change> changes) {
        changes.forEach(c -> rows.add(new SomaView.ChangeRow(change, c.level(), c.title(), c.from(), c.to())));
    }

    /** Why a report is not shown: the service's own words for a 404 ("no mirror report yet: …"), else the reason. */
    private static String missing(BackendReply<?> reply) {
        if (reply.isUnavailable()) {
            return reply.reason();
        }
        String detail = reply.problem().path("detail").asText("");
        return detail.isBlank() ? reply.reason() : detail;
    }

    private static String side(SomaContract.Item item) {
        if (item == null) {
            return "—";
        }
        return item.title() + " (" + (item.module() == null ? "" : item.module() + " ") + "#" + item.place()
                + (item.published() ? "" : ", draft") + ")";
    }

    /** A finding's kind in words; {@code source} and {@code target} name the two libraries (Home, Practitioner). */
    static String kindWords(String kind, String source, String target) {
        return switch (kind == null ? "" : kind) {
            case "missing_in_target" -> "missing in " + target;
            case "missing_in_source" -> "missing in " + source;
            case "title_mismatch" -> "title mismatch";
            case "order_drift" -> "order drift";
            case "publish_drift" -> "publish drift";
            default -> kind == null ? "?" : kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String runLink(String runId) {
        return "/timeline/" + SERVICE + "/" + runId;
    }
}
