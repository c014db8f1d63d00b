package io.openclaw.hq.soma.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The service reads config/soma.json for every run; the tests give it a copy under target/ (never
 * the source tree), so a test can switch a setting such as the browser fallback for one run with
 * {@link #edit} and put the file back with {@link #restore}.
 */
public class SomaConfig implements QuarkusTestResourceLifecycleManager {

    static final Path SOURCE = Path.of("src/test/resources/config/soma.json");
    static final Path DIR = Path.of("target/soma-test-config").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, String> start() {
        restore();
        return Map.of("openclaw.config.dir", DIR.toString());
    }

    @Override
    public void stop() {
        // target/ is the build's
    }

    /** The test configuration, changed by {@code change}, as the file the next run reads. */
    public static synchronized void edit(Consumer<ObjectNode> change) {
        try {
            ObjectNode config = (ObjectNode) JSON.readTree(SOURCE.toFile());
            change.accept(config);
            Files.writeString(DIR.resolve("soma.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void restore() {
        try {
            Files.createDirectories(DIR);
            Files.copy(SOURCE, DIR.resolve("soma.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
