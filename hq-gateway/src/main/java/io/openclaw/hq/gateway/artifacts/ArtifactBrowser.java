package io.openclaw.hq.gateway.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.gateway.config.GatewayConfig;
import io.openclaw.hq.platform.errors.ProblemException;
import io.openclaw.hq.platform.runs.ArtifactRoot;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Read-only view of the artifact tree. No path leaves the root: {@code ..}, {@code .}, empty
 * segments and backslashes are refused by name, and what remains is resolved through symlinks
 * and must still lie under the root's real path.
 */
@ApplicationScoped
public class ArtifactBrowser {

    static final int MAX_PATH = 1024;
    static final int MAX_LISTING = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArtifactRoot root;
    private final int previewBytes;

    public ArtifactBrowser(ArtifactRoot root, GatewayConfig config) {
        this.root = root;
        this.previewBytes = config.artifacts().previewBytes();
    }

    /** A path inside the root that exists, or a 400/404 that says why not. */
    public Path resolve(String relative) {
        String rel = relative == null ? "" : relative;
        checkSegments(rel);
        Path base = realRoot();
        Path candidate = rel.isEmpty() ? base : base.resolve(rel).normalize();
        if (!candidate.startsWith(base)) {
            throw ProblemException.badRequest("path leaves the artifact root");
        }
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            throw ProblemException.notFound("no artifact '" + rel + "'");
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            throw ProblemException.notFound("no artifact '" + rel + "' (dangling link)");
        }
        if (!real.startsWith(base)) {
            throw ProblemException.badRequest("path leaves the artifact root (through a symbolic link)");
        }
        return real;
    }

    /** Names only; checked before anything touches the file system. */
    static void checkSegments(String rel) {
        if (rel.length() > MAX_PATH) {
            throw ProblemException.badRequest("path longer than " + MAX_PATH + " characters");
        }
        if (rel.isEmpty()) {
            return;
        }
        if (rel.startsWith("/") || rel.contains("\\") || rel.indexOf('\0') >= 0 || rel.contains("%")) {
            throw ProblemException.badRequest("path leaves the artifact root: absolute, backslash, NUL or encoded characters");
        }
        for (String segment : rel.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw ProblemException.badRequest("path leaves the artifact root: segment '" + segment + "' is not allowed");
            }
        }
    }

    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    public String relative(Path path) {
        return realRoot().relativize(path).toString().replace('\\', '/');
    }

    public List<ArtifactEntry> list(Path directory) {
        Path base = realRoot();
        List<ArtifactEntry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            children.sorted(Comparator.comparing((Path p) -> !Files.isDirectory(p)).thenComparing(p -> p.getFileName().toString()))
                    .limit(MAX_LISTING)
                    .forEach(child -> entry(base, child).ifPresent(entries::add));
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + relative(directory), e);
        }
        return entries;
    }

    private java.util.Optional<ArtifactEntry> entry(Path base, Path child) {
        try {
            Path real = child.toRealPath();
            if (!real.startsWith(base)) {
                return java.util.Optional.empty(); // a link out of the root is not shown at all
            }
            boolean dir = Files.isDirectory(real);
            return java.util.Optional.of(new ArtifactEntry(child.getFileName().toString(),
                    base.relativize(child.toAbsolutePath().normalize()).toString().replace('\\', '/'), dir,
                    dir ? 0 : Files.size(real), Files.getLastModifiedTime(real).toInstant()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    public ArtifactPreview preview(Path file) {
        try {
            long total = Files.size(file);
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(previewBytes);
            }
            String rel = relative(file);
            if (looksBinary(head)) {
                return new ArtifactPreview(rel, null, true, total > head.length, 0, total);
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(head)).toString();
            return new ArtifactPreview(rel, Redactor.redact(text), false, total > head.length, head.length, total);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + relative(file), e);
        }
    }

    /** The top-level areas (doctor, soma, gateway…), for the {@code artifacts} action. */
    public JsonNode areasAsJson() {
        ObjectNode result = JSON.createObjectNode();
        ArrayNode areas = result.putArray("areas");
        Path base = realRoot();
        if (Files.isDirectory(base)) {
            list(base).stream().filter(ArtifactEntry::directory).forEach(e -> areas.add(e.name()));
        }
        return result;
    }

    private Path realRoot() {
        try {
            Files.createDirectories(root.path());
            return root.path().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("artifact root", e);
        }
    }

    private static boolean looksBinary(byte[] head) {
        int limit = Math.min(head.length, 8000);
        for (int i = 0; i < limit; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
