package io.openclaw.hq.llm.config;

import io.openclaw.hq.platform.config.ConfigFileLoader;
import io.openclaw.hq.platform.config.ConfigInvalidException;
import io.openclaw.hq.platform.config.ConfigViolation;
import io.openclaw.hq.platform.config.LoadedConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * config/llm.json as loaded at start-up. An invalid file keeps readiness DOWN and every call that
 * needs it is refused with the violations: the router never runs on a half-valid config.
 */
@Startup
@ApplicationScoped
public class LlmConfigHolder {

    public static final String FILE = "llm.json";
    private static final Logger LOG = Logger.getLogger(LlmConfigHolder.class);

    private final ConfigFileLoader loader;
    private final RouterSettings settings;
    private volatile LlmConfig config;
    private volatile List<ConfigViolation> violations = List.of();

    public LlmConfigHolder(ConfigFileLoader loader, RouterSettings settings) {
        this.loader = loader;
        this.settings = settings;
    }

    @PostConstruct
    void load() {
        LoadedConfig<LlmConfig> loaded = loader.load(FILE, LlmConfig.class);
        List<ConfigViolation> found = new ArrayList<>(loaded.violations());
        if (loaded.isValid()) {
            found.addAll(LlmConfigRules.check(loaded.require(), settings.apiBaseOverride()));
        }
        violations = List.copyOf(found);
        config = found.isEmpty() ? loaded.require() : null;
        if (!found.isEmpty()) {
            LOG.errorf("config/%s is invalid; the router refuses every call: %s", FILE, found);
        }
    }

    /** The valid config, or a 503 listing every violation. */
    public LlmConfig require() {
        LlmConfig current = config;
        if (current == null) {
            throw new ConfigInvalidException(FILE, violations);
        }
        return current;
    }

    public boolean isValid() {
        return config != null;
    }

    public List<ConfigViolation> violations() {
        return violations;
    }
}
