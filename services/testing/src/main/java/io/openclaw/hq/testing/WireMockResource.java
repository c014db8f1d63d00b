package io.openclaw.hq.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * WireMock on a dynamic loopback port. Init arg {@code properties}: a comma-separated list of
 * config keys to point at it (for example {@code quarkus.rest-client.pushover.url}). A test field
 * annotated {@link InjectWireMock} receives the server.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectWireMock {
    }

    private WireMockServer server;
    private String[] properties = new String[0];

    @Override
    public void init(Map<String, String> initArgs) {
        String keys = initArgs.getOrDefault("properties", "");
        properties = keys.isBlank() ? new String[0] : Arrays.stream(keys.split(",")).map(String::strip).toArray(String[]::new);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(32).jettyAcceptors(1).extensions(new HeldResponses()));
        server.start();
        Map<String, String> config = new HashMap<>();
        for (String key : properties) {
            config.put(key, server.baseUrl());
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
