package io.openclaw.hq.soma.config;

import io.openclaw.hq.platform.config.ConfigFileLoader;
import io.openclaw.hq.platform.config.ConfigInvalidException;
import io.openclaw.hq.platform.config.ConfigViolation;
import io.openclaw.hq.platform.config.LoadedConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * config/soma.json, validated against its schema at start-up (readiness DOWN naming every
 * violation when it is invalid) and again for every run, so an edit takes effect without a
 * restart and an invalid file refuses the run (503) instead of being half-used.
 */
@ApplicationScoped
public class SomaSettings {

    private static final Logger LOG = Logger.getLogger(SomaSettings.class);

    private final ConfigFileLoader loader;
    private final SomaProperties properties;

    public SomaSettings(ConfigFileLoader loader, SomaProperties properties) {
        this.loader = loader;
        this.properties = properties;
    }

    void onStart(@Observes StartupEvent event) {
        LoadedConfig<SomaFile> loaded = loader.load(SomaFile.FILE_NAME, SomaFile.class);
        if (!loaded.isValid()) {
            LOG.errorf("config/%s is invalid; every Soma run is refused until it is fixed: %s", SomaFile.FILE_NAME,
                    loaded.violations().stream().map(ConfigViolation::toString).collect(Collectors.joining("; ")));
        }
    }

    /** The file as it is now, with the test/local overrides applied; 503 naming every violation when invalid. */
    public SomaFile current() {
        SomaFile file = loader.load(SomaFile.FILE_NAME, SomaFile.class).require();
        java.util.List<ConfigViolation> crossFile = crossChecks(file);
        if (!crossFile.isEmpty()) {
            throw new ConfigInvalidException(SomaFile.FILE_NAME, crossFile);
        }
        SomaFile.Kajabi kajabi = properties.overrides().kajabiBaseUrl().map(file.kajabi()::withBaseUrl)
                .orElse(file.kajabi());
        SomaFile.Gmail gmail = file.gmail().withServer(properties.overrides().gmailHost().orElse(file.gmail().host()),
                properties.overrides().gmailPort().orElse(file.gmail().port()));
        return new SomaFile(kajabi, file.products(), file.mirror(), gmail, file.schedule(), file.retention(),
                file.browserFallback());
    }

    /** What the schema cannot say: names and slugs unique, the mirror naming two configured products. */
    static java.util.List<ConfigViolation> crossChecks(SomaFile file) {
        java.util.List<ConfigViolation> violations = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<String> slugs = new java.util.HashSet<>();
        for (int i = 0; i < file.products().size(); i++) {
            SomaFile.Product p = file.products().get(i);
            if (!names.add(p.name())) {
                violations.add(new ConfigViolation("$.products[" + i + "].name", "duplicate product name " + p.name()));
            }
            if (!slugs.add(p.slug())) {
                violations.add(new ConfigViolation("$.products[" + i + "].slug", "duplicate product slug " + p.slug()));
            }
        }
        if (!slugs.contains(file.mirror().source())) {
            violations.add(new ConfigViolation("$.mirror.source", "names no configured product slug: " + file.mirror().source()));
        }
        if (!slugs.contains(file.mirror().target())) {
            violations.add(new ConfigViolation("$.mirror.target", "names no configured product slug: " + file.mirror().target()));
        }
        if (file.mirror().source().equals(file.mirror().target())) {
            violations.add(new ConfigViolation("$.mirror", "source and target must be two different products"));
        }
        return violations;
    }

    /** The last load's violations, empty when valid. */
    public java.util.List<ConfigViolation> violations() {
        return loader.load(SomaFile.FILE_NAME, SomaFile.class).violations();
    }
}
