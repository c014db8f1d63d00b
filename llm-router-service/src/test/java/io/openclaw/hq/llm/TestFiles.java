package io.openclaw.hq.llm;

import io.openclaw.hq.testing.TestSecretsResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

final class TestFiles {

    private TestFiles() {
    }

    /** A file under the test artifact root, by the relative path a run record lists. */
    static String readArtifact(String relative) {
        try {
            return Files.readString(TestSecretsResource.artifactRoot().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
