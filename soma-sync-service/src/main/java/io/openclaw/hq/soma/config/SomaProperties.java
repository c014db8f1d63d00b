package io.openclaw.hq.soma.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Quarkus settings of the service (not the operator's file): where a test or a local fake puts
 * Kajabi and the IMAP server. In production both are empty and config/soma.json decides.
 */
@ConfigMapping(prefix = "soma")
public interface SomaProperties {

    Overrides overrides();

    interface Overrides {
        /** Replaces kajabi.baseUrl of config/soma.json (a test's WireMock). */
        Optional<String> kajabiBaseUrl();

        /** Replaces gmail.host of config/soma.json. */
        Optional<String> gmailHost();

        /** Replaces gmail.port of config/soma.json (a test's GreenMail). */
        Optional<Integer> gmailPort();
    }
}
