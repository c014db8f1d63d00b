package io.openclaw.hq.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;
import java.util.Optional;

/** Settings every service shares; each service names itself and may move the directories. */
@ConfigMapping(prefix = "openclaw")
public interface PlatformConfig {

    /** The service's name as it appears in run records, e.g. {@code notify-service}. */
    @WithName("service.name")
    String serviceName();

    Secrets secrets();

    Config config();

    Artifacts artifacts();

    @WithName("internal-auth")
    InternalAuth internalAuth();

    interface Secrets {
        /** {@code /run/openclaw_secrets} in containers, {@code .hq/secrets} locally. */
        @WithDefault(".hq/secrets")
        String dir();

        /** Secrets resolved at start-up so that the log filter knows them before anyone asks. */
        Optional<List<String>> known();
    }

    interface Config {
        @WithDefault("config")
        String dir();
    }

    interface Artifacts {
        @WithDefault(".hq/artifacts")
        String root();
    }

    interface InternalAuth {
        /** Off only in the gateway, which has its own login and is the one service people reach. */
        @WithDefault("true")
        boolean enabled();
    }
}
