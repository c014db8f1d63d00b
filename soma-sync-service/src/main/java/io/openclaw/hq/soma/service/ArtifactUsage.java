package io.openclaw.hq.soma.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How much the soma artifacts take against the configured cap. */
@RegisterForReflection
public record ArtifactUsage(long bytes, long capBytes, boolean overCap) {

    public static ArtifactUsage of(Path somaArea, long capMegabytes) {
        long cap = capMegabytes * 1024 * 1024;
        long total = 0;
        if (Files.isDirectory(somaArea)) {
            try (Stream<Path> files = Files.walk(somaArea)) {
                total = files.filter(Files::isRegularFile).mapToLong(f -> {
                    try {
                        return Files.size(f);
                    } catch (IOException e) {
                        return 0; // removed while we counted
                    }
                }).sum();
            } catch (IOException e) {
                throw new UncheckedIOException("measuring " + somaArea, e);
            }
        }
        return new ArtifactUsage(total, cap, total > cap);
    }

    public String warning() {
        return "SIZE_CAP: soma artifacts take " + megabytes(bytes) + " MB, over the " + megabytes(capBytes)
                + " MB cap (retention.sizeCapMegabytes)";
    }

    private static String megabytes(long value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value / 1024.0 / 1024.0);
    }
}
