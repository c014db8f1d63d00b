package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Review records of this clone: .hq/reviews/<to_sha>.json, written whole (temporary file, then
 * rename). The one that advances the baseline travels further: `finish` puts it in the
 * baseline-advance commit's message, which is what the push gate and every other clone read.
 */
final class ReviewStore {

    private final Path dir;

    ReviewStore(Path repo) {
        this.dir = repo.resolve(".hq/reviews");
    }

    Path file(String toSha) {
        return dir.resolve(toSha + ".json");
    }

    void write(String toSha, JsonNode record) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(toSha + ".json.tmp");
            Files.writeString(tmp, Json.pretty(record), StandardCharsets.UTF_8);
            Files.move(tmp, file(toSha), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String toSha) {
        try {
            Files.deleteIfExists(file(toSha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record for a commit, or null when this clone has none. */
    JsonNode read(String toSha) {
        Path file = file(toSha);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new Refusal("cannot read " + file + ": " + e.getMessage());
        }
    }
}
