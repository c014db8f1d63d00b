package io.openclaw.hq.platform.secrets;

import io.openclaw.hq.platform.PlatformConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Resolves a named secret from the environment ({@code OPENAI_API_KEY}), then from a file named in
 * lower case in the secrets directory ({@code openai_api_key}). Every value resolved, and every
 * file in the directory, is handed to the {@link Redactor} so no log line can carry it.
 */
@Startup
@ApplicationScoped
public class SecretResolver {

    private static final Logger LOG = Logger.getLogger(SecretResolver.class);

    private final PlatformConfig config;
    private final Function<String, String> environment;

    @Inject
    public SecretResolver(PlatformConfig config) {
        this(config, System::getenv);
    }

    SecretResolver(PlatformConfig config, Function<String, String> environment) {
        this.config = config;
        this.environment = environment;
    }

    @PostConstruct
    void registerEverythingKnown() {
        Path dir = secretsDir();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(Files::isRegularFile).forEach(f -> readFile(f).ifPresent(Redactor::register));
            } catch (IOException e) {
                LOG.warnf("secrets directory %s could not be listed: %s", dir, e.getClass().getSimpleName());
            }
        }
        config.secrets().known().ifPresent(names -> names.forEach(this::resolve));
    }

    public Optional<Secret> resolve(String name) {
        String envName = name.toUpperCase(Locale.ROOT);
        String fromEnv = environment.apply(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Redactor.register(fromEnv.strip());
            return Optional.of(new Secret(envName, fromEnv.strip(), Secret.Source.ENVIRONMENT));
        }
        return readFile(secretsDir().resolve(name.toLowerCase(Locale.ROOT))).map(value -> {
            Redactor.register(value);
            return new Secret(envName, value, Secret.Source.FILE);
        });
    }

    /** Presence, masked form and fingerprint of each name: what status pages may show. */
    public Map<String, SecretStatus> status(java.util.Collection<String> names) {
        Map<String, SecretStatus> result = new java.util.LinkedHashMap<>();
        for (String name : names) {
            result.put(name, resolve(name).map(SecretStatus::of).orElse(SecretStatus.missing(name)));
        }
        return result;
    }

    public Path secretsDir() {
        return Path.of(config.secrets().dir());
    }

    private static Optional<String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            LOG.warnf("secret file %s could not be read: %s", file.getFileName(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
