package io.openclaw.hq.notify;

import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The restarted service must find the database the first boot wrote to. A second boot loads the
 * test kit in a new class loader, whose embedded PostgreSQL would be a new, empty server; so the
 * first boot leaves its JDBC URL in a system property ({@link #URL_PROPERTY}) and this resource hands
 * it to the second. Run alone, the second boot gets a fresh server and the restart test is skipped.
 */
public class FirstBootDatabase implements QuarkusTestResourceLifecycleManager {

    /** Not under a config root ("notify.", "openclaw."): SmallRye would reject an unknown key there. */
    static final String URL_PROPERTY = "openclaw-notify-test-first-boot-jdbc-url";

    @Override
    public Map<String, String> start() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            return new EmbeddedPostgresResource().start();
        }
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // the first boot's server belongs to that boot's test kit
    }
}
