package io.openclaw.hq.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One WireMock server standing in for all five backends, each under its own path prefix
 * ({@code /doctor-service/runs}, {@code /soma-sync-service/runs}…), so their identical
 * {@code /runs} endpoints stay apart. Tests reach it through {@link #server()}.
 */
public class BackendsWireMockResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                    .containerThreads(64).jettyAcceptors(2).asynchronousResponseEnabled(true));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        String base = server().baseUrl();
        return Map.of(
                "quarkus.rest-client.doctor.url", base + "/doctor-service",
                "quarkus.rest-client.llm.url", base + "/llm-router-service",
                "quarkus.rest-client.notify.url", base + "/notify-service",
                "quarkus.rest-client.soma.url", base + "/soma-sync-service",
                "quarkus.rest-client.runner.url", base + "/runner-service",
                "gateway.sms-inbound.poll.twilio-url", base + "/twilio");
    }

    @Override
    public void stop() {
        // shared by every boot of this JVM; the shutdown hook stops it
    }
}
