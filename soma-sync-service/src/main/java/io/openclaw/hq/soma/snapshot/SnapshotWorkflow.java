package io.openclaw.hq.soma.snapshot;

import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.soma.browser.AdminPageReader;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.kajabi.KajabiClient;
import io.openclaw.hq.soma.kajabi.Pause;
import io.openclaw.hq.soma.service.ArtifactFiles;
import io.openclaw.hq.soma.service.SomaSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One product's snapshot: read it from Kajabi, write snapshot.json (canonical), changes.json (what
 * changed since the last good snapshot) and manifest.json (every artifact's SHA-256), check what
 * was written, and only then record the run as the product's last good snapshot. Anything that
 * fails before that point leaves the previous good snapshot as it was.
 */
@ApplicationScoped
public class SnapshotWorkflow {

    public static final String SNAPSHOT = "snapshot.json";
    public static final String CHANGES = "changes.json";
    public static final String MANIFEST = "manifest.json";

    private final SomaSecrets secrets;
    private final SnapshotStore store;
    private final ArtifactRoot artifactRoot;
    private volatile Pause pause = Pause.SLEEP;

    public SnapshotWorkflow(SomaSecrets secrets, SnapshotStore store, ArtifactRoot artifactRoot) {
        this.secrets = secrets;
        this.store = store;
        this.artifactRoot = artifactRoot;
    }

    /** Tests wait out Retry-After without sleeping; the pause is still asked for the right duration. */
    public void usePause(Pause newPause) {
        this.pause = newPause;
    }

    public String perform(RunHandle run, SomaFile settings, SomaFile.Product product) throws InterruptedException {
        run.log("snapshot of " + product.name() + " (Kajabi product " + product.kajabiProductId() + ")");
        Library library;
        int requests;
        if (settings.browserSnapshots()) {
            run.log("reading the Kajabi admin pages in headless Chromium with the stored session (browserFallback.enabled)");
            AdminPageReader.Result read = new AdminPageReader(settings.browserFallback(), run::log)
                    .read(product, secrets.kajabiSession());
            library = read.library();
            requests = read.pages();
        } else {
            KajabiClient kajabi = new KajabiClient(KajabiClient.newHttpClient(settings.kajabi()), settings.kajabi(),
                    secrets.kajabi(), pause, Clock.systemUTC(), run::log);
            library = new LibraryReader(kajabi, settings.kajabi(), run::log).read(product);
            requests = kajabi.requests();
        }
        Library.Counts counts = library.counts();
        run.log("read " + counts.courses() + " course(s), " + counts.modules() + " module(s), " + counts.lessons()
                + " lesson(s), " + counts.media() + " media in " + requests + (settings.browserSnapshots()
                        ? " page(s)" : " request(s)"));

        Optional<SnapshotStore.GoodSnapshot> previous = store.lastGood(product.slug());
        Library before = previous.flatMap(p -> readPrevious(run, p)).orElse(null);
        ChangeSummary changes = ChangeSummary.between(before == null ? null : previous.get().runId(), before, library);

        Path dir = run.directory();
        byte[] snapshotBytes = ArtifactFiles.canonicalJson(library);
        String sha = ArtifactFiles.sha256(snapshotBytes);
        ArtifactFiles.writeAtomically(dir.resolve(SNAPSHOT), snapshotBytes);
        ArtifactFiles.writeAtomically(dir.resolve(CHANGES), ArtifactFiles.canonicalJson(changes));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("runId", run.id());
        manifest.put("product", library.product());
        manifest.put("counts", counts);
        manifest.put("requests", requests);
        manifest.put("artifacts", describe(dir, List.of(SNAPSHOT, CHANGES)));
        ArtifactFiles.writeAtomically(dir.resolve(MANIFEST), ArtifactFiles.canonicalJson(manifest));

        if (!sha.equals(ArtifactFiles.sha256(dir.resolve(SNAPSHOT)))) {
            throw new IllegalStateException("snapshot.json on disk does not match what was written");
        }
        for (String name : List.of(SNAPSHOT, CHANGES, MANIFEST)) {
            run.addArtifact(dir.resolve(name));
        }
        store.recordGood(new SnapshotStore.GoodSnapshot(run.id(), product.slug(), run.record().startedAt(), sha,
                artifactRoot.relativize(dir.resolve(SNAPSHOT)), counts, requests));
        run.log("snapshot.json sha256 " + sha + "; " + changes.oneLine());
        return product.name() + ": " + counts.modules() + " modules, " + counts.lessons() + " lessons, " + counts.media()
                + " media; " + changes.oneLine() + "; " + requests + (settings.browserSnapshots() ? " admin pages" : " requests");
    }

    /** The previous good snapshot, if its file is still there and still what was recorded. */
    private Optional<Library> readPrevious(RunHandle run, SnapshotStore.GoodSnapshot previous) {
        Path file = artifactRoot.resolve(previous.path());
        try {
            if (!Files.isRegularFile(file) || !previous.sha256().equals(ArtifactFiles.sha256(file))) {
                run.log("previous snapshot " + previous.runId() + " is missing or altered; changes are counted from nothing");
                run.warn("previous snapshot " + previous.runId() + " missing or altered on disk");
                return Optional.empty();
            }
            return Optional.of(ArtifactFiles.CANONICAL.readValue(Files.readAllBytes(file), Library.class));
        } catch (IOException e) {
            run.warn("previous snapshot " + previous.runId() + " unreadable: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    static List<Map<String, Object>> describe(Path dir, List<String> names) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String name : names) {
            Path file = dir.resolve(name);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("sha256", ArtifactFiles.sha256(file));
            try {
                entry.put("bytes", Files.size(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            entries.add(entry);
        }
        return entries;
    }
}
