package io.openclaw.hq.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractsTest {

    private static final String RECORDED = """
            {"points":[{"date":"2026-12-01","checkId":"tailscale","pass":2,"fail":0}],
             "days":7,"checks":["tailscale"],"latest":{"runId":"r1","at":"2026-12-01T10:00:00Z","note":null}}""";

    @TempDir
    Path root;

    @Test
    void aMissingFileIsWrittenWithTheRequestAndTheRealAnswer() throws Exception {
        Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7", 200, RECORDED);
        String file = Files.readString(root.resolve("doctor-service/history.json"));
        assertThat(file).contains("\"service\" : \"doctor-service\"", "\"path\" : \"/doctor/history?days=7\"", "\"checkId\"");
        Contracts.Contract loaded = Contracts.load(root, "doctor-service", "history");
        assertThat(loaded.status()).isEqualTo(200);
        assertThat(loaded.method()).isEqualTo("GET");
        assertThat(loaded.body().path("points").get(0).path("pass").asInt()).isEqualTo(2);
        assertThat(loaded.bodyJson()).contains("\"days\":7");
    }

    @Test
    void theSameShapeWithOtherValuesAndNewFieldsStillHolds() {
        Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7", 200, RECORDED);
        Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7", 200, """
                {"points":[{"date":"2026-12-02","checkId":"disk_logs","pass":0,"fail":3.5,"warn":1}],
                 "days":1,"checks":["disk_logs"],"since":"x","latest":{"runId":"r9","at":"t","note":"now set"}}""");
    }

    @Test
    void aDroppedOrRenamedFieldFailsNamingItsPath() {
        Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7", 200, RECORDED);
        String renamed = RECORDED.replace("\"checkId\"", "\"check_id\"").replace("\"runId\"", "\"run\"");
        assertThatThrownBy(() -> Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7",
                200, renamed)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("$.points[0].checkId: missing")
                .hasMessageContaining("$.latest.runId: missing");
        String dropped = "{\"days\":7,\"checks\":[\"tailscale\"],\"latest\":{\"runId\":\"r1\",\"at\":\"t\"}}";
        assertThatThrownBy(() -> Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7",
                200, dropped)).hasMessageContaining("$.points: missing");
    }

    @Test
    void aChangedTypeStatusOrEmptiedArrayFails() {
        Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7", 200, RECORDED);
        assertThatThrownBy(() -> Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7",
                200, RECORDED.replace("\"days\":7", "\"days\":\"7\""))).hasMessageContaining("$.days: was number, is string");
        assertThatThrownBy(() -> Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7",
                202, RECORDED)).hasMessageContaining("status: stored 200, answered 202");
        assertThatThrownBy(() -> Contracts.record(root, false, "doctor-service", "history", "GET", "/doctor/history?days=7",
                200, RECORDED.replaceFirst("\\[\\{.*?\\}\\]", "[]"))).hasMessageContaining("$.points[]: empty");
    }

    @Test
    void recordModeRewritesTheFile() throws Exception {
        Contracts.record(root, false, "notify-service", "status", "GET", "/status", 200, "{\"a\":1}");
        Contracts.record(root, true, "notify-service", "status", "GET", "/status", 200, "{\"b\":true}");
        assertThat(Contracts.load(root, "notify-service", "status").body().has("b")).isTrue();
        assertThatThrownBy(() -> Contracts.record(root, false, "notify-service", "../x", "GET", "/status", 200, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
