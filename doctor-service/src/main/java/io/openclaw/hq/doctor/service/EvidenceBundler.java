package io.openclaw.hq.doctor.service;

import io.openclaw.hq.doctor.model.HealResult;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes an evidence bundle: {@code artifacts/evidence/<ts>_<host>/} with one file per piece of
 * evidence, {@code MANIFEST.sha256} (sha256sum format, so {@code sha256sum -c} checks it), and the
 * folder packed as {@code <ts>_<host>.tar.gz} with its own {@code .sha256} beside it. Every text is
 * redacted before it is written.
 */
@ApplicationScoped
public class EvidenceBundler {

    static final String MANIFEST = "MANIFEST.sha256";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ArtifactRoot root;

    public EvidenceBundler(ArtifactRoot root) {
        this.root = root;
    }

    /** {@code files}: file name → content, in the order they should appear. */
    public HealResult.Evidence write(String host, Instant at, Map<String, String> files) {
        String name = TS.format(at) + "_" + host.replaceAll("[^A-Za-z0-9_.-]", "_");
        Path dir = uniqueDirectory(name);
        try {
            Files.createDirectories(dir);
            List<String> written = new ArrayList<>();
            StringBuilder manifest = new StringBuilder();
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] bytes = Redactor.redact(file.getValue()).getBytes(StandardCharsets.UTF_8);
                Files.write(dir.resolve(file.getKey()), bytes);
                manifest.append(sha256(bytes)).append("  ").append(file.getKey()).append('\n');
                written.add(file.getKey());
            }
            Files.writeString(dir.resolve(MANIFEST), manifest.toString());
            written.add(MANIFEST);
            Path bundle = dir.resolveSibling(dir.getFileName() + ".tar.gz");
            pack(dir, written, bundle);
            String bundleHash = sha256(Files.readAllBytes(bundle));
            Files.writeString(dir.resolveSibling(bundle.getFileName() + ".sha256"), bundleHash + "  " + bundle.getFileName() + "\n");
            return new HealResult.Evidence(root.relativize(dir), root.relativize(bundle), bundleHash, written);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence bundle " + name, e);
        }
    }

    private Path uniqueDirectory(String name) {
        Path dir = root.resolve("evidence/" + name);
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve("evidence/" + name + "-" + i);
        }
        return dir;
    }

    private static void pack(Path dir, List<String> files, Path bundle) throws IOException {
        try (OutputStream out = Files.newOutputStream(bundle);
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String file : files) {
                Path path = dir.resolve(file);
                TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), dir.getFileName() + "/" + file);
                tar.putArchiveEntry(entry);
                Files.copy(path, tar);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
