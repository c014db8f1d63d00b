package io.openclaw.hq.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, found from wherever Maven runs the tests (the module or the root). */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path path() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("services/testing"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root (mvnw beside services/testing) above "
                + Path.of("").toAbsolutePath());
    }

    static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
