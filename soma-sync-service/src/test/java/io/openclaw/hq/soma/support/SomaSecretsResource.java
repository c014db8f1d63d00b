package io.openclaw.hq.soma.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Plants the Soma canaries before the service boots, so it resolves them like real secrets. */
public class SomaSecretsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SomaCanaries.plant();
        return Map.of();
    }

    @Override
    public void stop() {
        // the secrets directory belongs to TestSecretsResource
    }
}
