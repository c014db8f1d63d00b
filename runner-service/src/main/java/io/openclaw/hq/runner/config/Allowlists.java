package io.openclaw.hq.runner.config;

import io.openclaw.hq.platform.PlatformConfig;
import io.openclaw.hq.platform.config.ConfigFileLoader;
import io.openclaw.hq.platform.config.LoadedConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The job and repository allowlists, read again on every use so an operator's edit counts at
 * once, and validated against the schemas shipped in the service. An invalid file refuses every
 * job (503 naming each violation) and keeps readiness DOWN.
 */
@ApplicationScoped
public class Allowlists {

    static final String JOBS = "job_allowlist";
    static final String REPOS = "repo_allowlist";
    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

    private final ConfigFileLoader loader;
    private final Path configDir;

    public Allowlists(ConfigFileLoader loader, PlatformConfig platform) {
        this.loader = loader;
        this.configDir = Path.of(platform.config().dir());
    }

    void loadAtStart(@Observes StartupEvent event) {
        jobs();
        repos();
    }

    public LoadedConfig<JobAllowlist> jobs() {
        return loader.load(fileName(JOBS), JobAllowlist.class);
    }

    public LoadedConfig<RepoAllowlist> repos() {
        return loader.load(fileName(REPOS), RepoAllowlist.class);
    }

    /** The first of base.json, base.yaml, base.yml that exists; base.json (reported missing) if none does. */
    private String fileName(String base) {
        return EXTENSIONS.stream().map(ext -> base + ext)
                .filter(name -> Files.isRegularFile(configDir.resolve(name)))
                .findFirst().orElse(base + ".json");
    }
}
