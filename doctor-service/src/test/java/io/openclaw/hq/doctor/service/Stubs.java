package io.openclaw.hq.doctor.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agroal.api.AgroalDataSource;
import io.openclaw.hq.doctor.host.Probe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/** The HTTP side of a healthy stack in WireMock, and reading back what reached notify-service. */
public final class Stubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The commands one doctor run sends to the host, sorted. */
    public static final List<String> DOCTOR_PROBES = Stream.of(Probe.LISTENERS, Probe.TAILSCALE_STATUS, Probe.DOCKER_PS,
            Probe.DISK, Probe.LOG_SIZES).map(Probe::wire).sorted().toList();

    /** Where the guard's direct Pushover fallback posts in tests (%test.doctor.pushover.url). */
    public static final String PUSHOVER = "/pushover/1/messages.json";

    private Stubs() {
    }

    public static void healthyStack(WireMockServer wireMock) {
        if (io.openclaw.hq.doctor.guard.HostGuardLogResource.log() != null) {
            io.openclaw.hq.doctor.guard.HostGuardLogResource.fresh(); // a host guard that runs, unless a test says otherwise
        }
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathMatching("/ready/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"UP\",\"checks\":[]}")));
        wireMock.stubFor(get(urlEqualTo("/api/healthz")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"UP\"}")));
        wireMock.stubFor(post(urlEqualTo("/alerts")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"accepted\":true}")));
        wireMock.stubFor(post(urlEqualTo(PUSHOVER)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":1}")));
    }

    /** Each alert as "checkId STATUS severity", in the order notify received them. */
    public static List<String> alerts(WireMockServer wireMock) {
        return alertRequests(wireMock).stream().map(r -> {
            try {
                JsonNode body = JSON.readTree(r.getBodyAsString());
                return body.path("checkId").asText() + " " + body.path("status").asText() + " " + body.path("severity").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    public static List<LoggedRequest> alertRequests(WireMockServer wireMock) {
        return wireMock.findAll(postRequestedFor(urlEqualTo("/alerts")));
    }

    public static void clearGuardLog(AgroalDataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM guard_log");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> sorted(List<String> commands) {
        return commands.stream().sorted().toList();
    }
}
