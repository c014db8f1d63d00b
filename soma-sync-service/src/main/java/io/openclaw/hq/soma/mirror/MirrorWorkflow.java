package io.openclaw.hq.soma.mirror;

import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.service.ArtifactFiles;
import io.openclaw.hq.soma.service.SomaFailure;
import io.openclaw.hq.soma.snapshot.Library;
import io.openclaw.hq.soma.snapshot.SnapshotStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Home → Practitioner mirror report, from the last good snapshot of each (it reads nothing
 * from Kajabi and changes nothing there): mirror_report.json and changelog.md, and the pairs it
 * found remembered for the next run.
 */
@ApplicationScoped
public class MirrorWorkflow {

    public static final String REPORT = "mirror_report.json";
    public static final String CHANGELOG = "changelog.md";

    private final SnapshotStore snapshots;
    private final IdentityMapStore identities;
    private final ArtifactRoot artifactRoot;

    public MirrorWorkflow(SnapshotStore snapshots, IdentityMapStore identities, ArtifactRoot artifactRoot) {
        this.snapshots = snapshots;
        this.identities = identities;
        this.artifactRoot = artifactRoot;
    }

    public String perform(RunHandle run, SomaFile settings) {
        SomaFile.Product source = settings.product(settings.mirror().source()).orElseThrow();
        SomaFile.Product target = settings.product(settings.mirror().target()).orElseThrow();
        SnapshotStore.GoodSnapshot sourceSnapshot = lastGood(source);
        SnapshotStore.GoodSnapshot targetSnapshot = lastGood(target);
        Library sourceLibrary = read(sourceSnapshot, source);
        Library targetLibrary = read(targetSnapshot, target);
        run.log("comparing " + source.name() + " (snapshot " + sourceSnapshot.runId() + ", " + sourceLibrary.counts().lessons()
                + " lessons) with " + target.name() + " (snapshot " + targetSnapshot.runId() + ", "
                + targetLibrary.counts().lessons() + " lessons)");

        MirrorMatcher.Result result = MirrorMatcher.compare(sourceLibrary, targetLibrary, identities.known("module"),
                identities.known("lesson"));
        MirrorReport report = MirrorReport.of(
                new MirrorReport.Side(source.name(), source.slug(), sourceSnapshot.runId(), sourceSnapshot.sha256()),
                new MirrorReport.Side(target.name(), target.slug(), targetSnapshot.runId(), targetSnapshot.sha256()),
                result);
        Path dir = run.directory();
        ArtifactFiles.writeAtomically(dir.resolve(REPORT), ArtifactFiles.canonicalJson(report));
        ArtifactFiles.writeAtomically(dir.resolve(CHANGELOG), Changelog.render(report).getBytes(StandardCharsets.UTF_8));
        run.addArtifact(dir.resolve(REPORT));
        run.addArtifact(dir.resolve(CHANGELOG));
        identities.remember(result.pairs(), run.id());
        report.counts().forEach((kind, n) -> run.log(kind + ": " + n));
        return report.differences() == 0 ? source.name() + " and " + target.name() + " match"
                : report.differences() + " difference(s): " + report.counts().get("missing_in_target") + " missing in "
                        + target.name() + ", " + report.counts().get("missing_in_source") + " only in " + target.name()
                        + ", " + report.counts().get("title_mismatch") + " title, " + report.counts().get("order_drift")
                        + " order, " + report.counts().get("publish_drift") + " publish";
    }

    private SnapshotStore.GoodSnapshot lastGood(SomaFile.Product product) {
        return snapshots.lastGood(product.slug()).orElseThrow(() -> new SomaFailure("no good snapshot of " + product.name()
                + " yet: snapshot " + product.name() + " first (the Soma snapshot action), then run the mirror again"));
    }

    private Library read(SnapshotStore.GoodSnapshot snapshot, SomaFile.Product product) {
        Path file = artifactRoot.resolve(snapshot.path());
        try {
            if (!Files.isRegularFile(file) || !snapshot.sha256().equals(ArtifactFiles.sha256(file))) {
                throw new SomaFailure("the last good snapshot of " + product.name() + " (run " + snapshot.runId()
                        + ") is missing or altered on disk; take a new snapshot");
            }
            return ArtifactFiles.CANONICAL.readValue(Files.readAllBytes(file), Library.class);
        } catch (IOException e) {
            throw new SomaFailure("the last good snapshot of " + product.name() + " is unreadable: " + e.getClass().getSimpleName());
        }
    }
}
