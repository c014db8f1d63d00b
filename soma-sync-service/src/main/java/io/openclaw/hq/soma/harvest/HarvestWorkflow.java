package io.openclaw.hq.soma.harvest;

import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.runs.RunHandle;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.service.ArtifactFiles;
import io.openclaw.hq.soma.service.SomaFailure;
import io.openclaw.hq.soma.service.SomaSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The Gmail video harvest: the messages since the last harvested UID, merged into the previous
 * index; gmail_video_index.json and video_manifest.csv written; the new high-water mark saved only
 * once both are in place, so a failed harvest is simply done again from the same point.
 */
@ApplicationScoped
public class HarvestWorkflow {

    public static final String INDEX = "gmail_video_index.json";
    public static final String MANIFEST = "video_manifest.csv";

    private final SomaSecrets secrets;
    private final HarvestStateStore states;
    private final ArtifactRoot artifactRoot;

    public HarvestWorkflow(SomaSecrets secrets, HarvestStateStore states, ArtifactRoot artifactRoot) {
        this.secrets = secrets;
        this.states = states;
        this.artifactRoot = artifactRoot;
    }

    public String perform(RunHandle run, SomaFile settings) throws MessagingException {
        SomaFile.Gmail gmail = settings.gmail();
        SomaSecrets.GmailLogin login = secrets.gmail();
        String account = secrets.gmailAccountFingerprint();
        Optional<HarvestStateStore.State> state = states.find(account, gmail.folder());
        GmailVideoIndex previous = state.map(s -> readIndex(s)).orElse(null);
        long knownValidity = state.map(HarvestStateStore.State::uidValidity).orElse(0L);
        long lastUid = state.map(HarvestStateStore.State::lastUid).orElse(0L);
        run.log("harvest of " + gmail.folder() + " on " + gmail.host() + " for account " + account
                + (state.isPresent() ? ", after UID " + lastUid + " (UIDVALIDITY " + knownValidity + ")" : ", first harvest"));

        MailboxReader.Batch batch;
        try (MailboxReader reader = MailboxReader.connect(gmail, login)) {
            batch = reader.readSince(knownValidity, lastUid, run::log);
        }
        // after a UIDVALIDITY change the folder is read again; messages already indexed collapse by Message-ID
        GmailVideoIndex index = GmailVideoIndex.merge(account, gmail.folder(), batch.uidValidity(), batch.lastUid(),
                previous, batch.messages());
        Path dir = run.directory();
        ArtifactFiles.writeAtomically(dir.resolve(INDEX), ArtifactFiles.canonicalJson(index));
        ArtifactFiles.writeAtomically(dir.resolve(MANIFEST), VideoManifestCsv.render(index).getBytes(StandardCharsets.UTF_8));
        run.addArtifact(dir.resolve(INDEX));
        run.addArtifact(dir.resolve(MANIFEST));
        states.save(new HarvestStateStore.State(account, gmail.folder(), batch.uidValidity(), batch.lastUid(), run.id(),
                artifactRoot.relativize(dir.resolve(INDEX)), index.messages().size(), index.videos().size(), Instant.now()));
        run.log("fetched " + batch.fetched() + " message(s); " + batch.messages().size() + " new with videos; index: "
                + index.messages().size() + " message(s), " + index.videos().size() + " distinct video(s)");
        return batch.newMessages() + " new message(s), " + batch.fetched() + " fetched (" + batch.searchMode() + "), "
                + batch.messages().size() + " with videos; " + index.videos().size() + " distinct videos in the index";
    }

    private GmailVideoIndex readIndex(HarvestStateStore.State state) {
        Path file = artifactRoot.resolve(state.indexPath());
        try {
            return ArtifactFiles.CANONICAL.readValue(Files.readAllBytes(file), GmailVideoIndex.class);
        } catch (IOException e) {
            throw new SomaFailure("the previous harvest index (run " + state.runId() + ") is missing or unreadable; "
                    + "it is what the next harvest adds to, so the run stops instead of starting an index over");
        }
    }
}
