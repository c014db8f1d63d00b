package io.openclaw.hq.runner.wrapper;

import io.openclaw.hq.runner.config.RunnerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The wrappers a job type may name. The shipped ones live in the service ({@code wrappers/*.sh}
 * on the classpath) and are written, read-only, to {@code <work-dir>/wrappers/} on first use, so
 * what runs is what was built; an operator's extra folder ({@code runner.wrappers.extra-dir}) is
 * looked in after them and can never replace a shipped wrapper.
 */
@ApplicationScoped
public class WrapperCatalog {

    public static final List<String> SHIPPED = List.of("orb_review_bundle", "orb_doctor", "orb_score_run");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final Path shippedDir;
    private final Optional<Path> extraDir;
    private volatile boolean extracted;

    public WrapperCatalog(RunnerConfig config) {
        this.shippedDir = Path.of(config.workDir()).toAbsolutePath().resolve("wrappers");
        this.extraDir = config.wrappers().extraDir().map(d -> Path.of(d).toAbsolutePath());
    }

    /** The script of wrapper {@code name}, or empty when there is no such wrapper. */
    public Optional<Path> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        if (SHIPPED.contains(name)) {
            extractShipped();
            return Optional.of(shippedDir.resolve(name + ".sh"));
        }
        return extraDir.map(d -> d.resolve(name + ".sh")).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    }

    private synchronized void extractShipped() {
        if (extracted) {
            return;
        }
        try {
            Files.createDirectories(shippedDir);
            for (String name : SHIPPED) {
                Path target = shippedDir.resolve(name + ".sh");
                Path tmp = shippedDir.resolve(name + ".sh.tmp");
                try (InputStream in = Thread.currentThread().getContextClassLoader()
                        .getResourceAsStream("wrappers/" + name + ".sh")) {
                    if (in == null) {
                        throw new IllegalStateException("wrapper " + name + " is not in the service");
                    }
                    Files.deleteIfExists(tmp);
                    Files.copy(in, tmp);
                }
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-xr-xr-x"));
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            extracted = true;
        } catch (IOException e) {
            throw new UncheckedIOException("extracting the shipped wrappers", e);
        }
    }
}
