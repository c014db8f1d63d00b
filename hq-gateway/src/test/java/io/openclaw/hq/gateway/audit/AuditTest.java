package io.openclaw.hq.gateway.audit;

import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class AuditTest {

    @BeforeEach
    void someEntries() {
        Stubs.allUp(BackendsWireMockResource.server());
        Hq.login();
        Hq.api().contentType("application/json").body("{\"action\":\"timer\"}").post("/api/exec").then().statusCode(200);
        io.openclaw.hq.gateway.auth.ClientAddress.viaServe().header("Tailscale-User-Login", "audit-test@test")
                .header("X-OpenClaw-Token", "wrong-wrong-wrong").get("/api/runs").then().statusCode(401);
    }

    @Test
    void chainVerifiesAndEntriesLinkToTheirPredecessor() {
        Hq.api().get("/api/audit/verify").then().statusCode(200).body("valid", is(true)).body("firstBrokenSeq", nullValue());
        List<Map<String, Object>> entries = Hq.api().get("/api/audit?limit=3").jsonPath().getList("$");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).get("prevHash")).isEqualTo(entries.get(1).get("hash"));
        assertThat(entries.get(1).get("prevHash")).isEqualTo(entries.get(2).get("hash"));
        CanarySecrets.assertNoLeak(Hq.api().get("/api/audit?limit=1000").asString(), "/api/audit");
    }

    /** Changing any column of a stored entry makes verify name exactly that entry. */
    @ParameterizedTest
    @ValueSource(strings = {"detail", "actor", "outcome", "event", "client", "at", "prev_hash"})
    void tamperingIsFoundAtTheChangedEntry(String column) throws Exception {
        long target;
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT max(seq) - 1 FROM gateway.audit_log");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            target = rs.getLong(1);
        }
        String original = read(column, target);
        String forged = "at".equals(column) ? "2001-01-01T00:00:00Z" : original == null ? "x" : original + "x";
        write(column, target, forged);
        try {
            Hq.api().get("/api/audit/verify").then().statusCode(200).body("valid", is(false))
                    .body("firstBrokenSeq", is((int) target));
        } finally {
            write(column, target, original);
        }
        Hq.api().get("/api/audit/verify").then().body("valid", is(true));
    }

    @jakarta.inject.Inject
    AuditLog log;

    /** Whatever a client managed to put in an audited field is stored escaped: never PostgreSQL's 22021. */
    @Test
    void aNulOrControlCharacterInAnyFieldIsStoredEscapedAndTheChainHolds() {
        AuditEntry entry = log.append(new AuditEvent("test.nul", "refused", "anonymous", "nul\u0000person@example.com",
                "ip:127.0.0.1", "GET /x\u0000y\u001b[31m: lone \ud800 surrogate"));
        assertThat(entry.person()).isEqualTo("nul\\u0000person@example.com");
        assertThat(entry.detail()).isEqualTo("GET /x\\u0000y\\u001b[31m: lone \\ud800 surrogate");
        Map<String, Object> stored = Hq.api().get("/api/audit?limit=1").jsonPath().getMap("[0]");
        assertThat(stored.get("person")).isEqualTo("nul\\u0000person@example.com");
        Hq.api().get("/api/audit/verify").then().statusCode(200).body("valid", is(true));
    }

    @Test
    void limitIsChecked() {
        Hq.api().get("/api/audit?limit=0").then().statusCode(400);
        Hq.api().get("/api/audit?limit=abc").then().statusCode(400);
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
    }

    private static String read(String column, long seq) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "SELECT " + column + "::text FROM gateway.audit_log WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void write(String column, long seq, String value) throws Exception {
        String cast = "at".equals(column) ? "::timestamptz" : "";
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "UPDATE gateway.audit_log SET " + column + " = ?" + cast + " WHERE seq = ?")) {
            s.setString(1, value);
            s.setLong(2, seq);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
