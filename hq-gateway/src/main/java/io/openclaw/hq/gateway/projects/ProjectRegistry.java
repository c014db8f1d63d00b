package io.openclaw.hq.gateway.projects;

import io.openclaw.hq.platform.PlatformConfig;
import io.openclaw.hq.platform.config.ConfigFileLoader;
import io.openclaw.hq.platform.config.LoadedConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * {@code config/projects.json}, validated against its schema at start-up (readiness stays DOWN
 * while it is invalid) and again whenever the file changes. Invalid → no project is shown as if
 * it were fine: pages list the violations, {@code /api/projects} answers 503.
 */
@Startup
@ApplicationScoped
public class ProjectRegistry {

    public static final String FILE = "projects.json";

    private final ConfigFileLoader loader;
    private final Path file;
    private volatile LoadedConfig<ProjectsFile> loaded;
    private volatile FileTime loadedVersion;

    public ProjectRegistry(ConfigFileLoader loader, PlatformConfig platform) {
        this.loader = loader;
        this.file = Path.of(platform.config().dir()).resolve(FILE);
    }

    @PostConstruct
    void loadAtStartup() {
        reload();
    }

    public LoadedConfig<ProjectsFile> current() {
        if (!versionOnDisk().equals(loadedVersion)) {
            reload();
        }
        return loaded;
    }

    private synchronized void reload() {
        FileTime version = versionOnDisk();
        loaded = loader.load(FILE, ProjectsFile.class);
        loadedVersion = version;
    }

    private FileTime versionOnDisk() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
