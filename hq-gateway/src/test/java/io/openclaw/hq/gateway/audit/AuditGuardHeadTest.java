package io.openclaw.hq.gateway.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.Stubs;
import io.openclaw.hq.testing.Contracts;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/audit/verify against the host guard's witness: doctor-service's GET /guard/host (the
 * recorded contract) names the newest audit entry the host guard saw; cutting the newest entries
 * off is then found. Same resources as {@link AuditTest}, so the same boot.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class AuditGuardHeadTest {

    @BeforeEach
    void someEntries() {
        Stubs.allUp(BackendsWireMockResource.server());
        // each login is an audited entry: at least three to cut from
        Hq.login();
        Hq.login();
        Hq.login();
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
    }

    /** The host guard's head as doctor-service answers it (the recorded contract), with the head given. */
    static void doctorRecorded(long seq, String hash) {
        ObjectNode body =
                (ObjectNode) Contracts.load("doctor-service", "guard-host").body().deepCopy();
        ObjectNode head = (ObjectNode) body.path("auditHead");
        head.put("seq", seq);
        head.put("hash", hash);
        head.put("recordedAt", "2026-02-16T10:10:00Z");
        BackendsWireMockResource.server().stubFor(WireMock
                .get(WireMock.urlPathEqualTo("/doctor-service/guard/host"))
                .willReturn(WireMock.okJson(body.toString())));
    }

    @Test
    void cuttingOffTheNewestEntriesIsFoundFromTheHostGuardsRecordedHead() throws Exception {
        long newest;
        String newestHash;
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, hash FROM gateway.audit_log ORDER BY seq DESC LIMIT 1"); ResultSet rs = s.executeQuery()) {
            rs.next();
            newest = rs.getLong(1);
            newestHash = rs.getString(2);
        }
        doctorRecorded(newest, newestHash);
        Hq.api().get("/api/audit/verify").then().statusCode(200).body("valid", is(true))
                .body("guardHead.status", is("present")).body("guardHead.seq", is((int) newest));

        // the newest two entries removed, as someone with database access would, after the guard's cycle
        List<Object[]> removed = new ArrayList<>();
        try (Connection c = db()) {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, at, event, outcome, actor, person, client, detail, prev_hash, hash "
                    + "FROM gateway.audit_log WHERE seq > ? ORDER BY seq")) {
                s.setLong(1, newest - 2);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[10];
                        for (int i = 0; i < 10; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        removed.add(row);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM gateway.audit_log WHERE seq > ?")) {
                s.setLong(1, newest - 2);
                s.executeUpdate();
            }
        }
        try {
            Hq.api().get("/api/audit/verify").then().statusCode(200).body("valid", is(false))
                    .body("firstBrokenSeq", is((int) newest - 1))
                    .body("guardHead.status", is("cut_off"))
                    .body("reason", containsString("entry " + newest + " recorded by the host guard"))
                    .body("reason", containsString("its newest entries were cut off"));
        } finally {
            // put them back, so the chain the other tests share is whole again
            try (Connection c = db(); PreparedStatement s = c.prepareStatement("INSERT INTO gateway.audit_log "
                    + "(seq, at, event, outcome, actor, person, client, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (Object[] row : removed) {
                    for (int i = 0; i < 10; i++) {
                        s.setObject(i + 1, row[i]);
                    }
                    s.executeUpdate();
                }
            }
        }
    }

    @Test
    void withoutARecordedHeadVerifySaysItCouldNotCheck() {
        // Stubs.allUp stubs no /guard/host: doctor-service answers 404
        Hq.api().get("/api/audit/verify").then().statusCode(200).body("valid", is(true))
                .body("guardHead.status", is("not_checked"))
                .body("guardHead.detail", is("doctor-service answered 404 for GET /guard/host"));
    }
}
