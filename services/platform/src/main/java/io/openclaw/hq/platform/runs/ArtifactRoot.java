package io.openclaw.hq.platform.runs;

import io.openclaw.hq.platform.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/** The artifact tree ({@code /artifacts} in containers, {@code .hq/artifacts} locally). */
@ApplicationScoped
public class ArtifactRoot {

    private final Path root;

    public ArtifactRoot(PlatformConfig config) {
        this.root = Path.of(config.artifacts().root()).toAbsolutePath().normalize();
    }

    public Path path() {
        return root;
    }

    /** A path inside the root; anything that would leave it is refused. */
    public Path resolve(String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("path leaves the artifact root: " + relative);
        }
        return resolved;
    }

    public String relativize(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
