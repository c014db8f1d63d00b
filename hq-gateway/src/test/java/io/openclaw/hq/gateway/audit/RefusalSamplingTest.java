package io.openclaw.hq.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.openclaw.hq.gateway.BackendsWireMockResource;
import io.openclaw.hq.gateway.Hq;
import io.openclaw.hq.gateway.auth.ClientAddress;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** An unauthenticated client cannot grow the audit log by sending requests: refusals are counted and sampled. */
@QuarkusTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(BackendsWireMockResource.class)
class RefusalSamplingTest {

    private static final Pattern COUNT = Pattern.compile("^(\\d+) × auth\\.rejected/refused in the minute from ");

    @Inject
    UnauthenticatedRefusals refusals;

    @Test
    @org.junit.jupiter.api.Order(1)
    void fiveHundredAnonymousRequestsLeaveAFewRowsAndAnExactCount() throws Exception {
        String address = "127.0.0.7";
        String client = "ip:" + address;
        long rowsBefore = rows("SELECT count(*) FROM gateway.audit_log");
        for (int i = 0; i < 500; i++) {
            assertThat(ClientAddress.from(address).accept("application/json").get("/api/runs?page=" + i).statusCode())
                    .isEqualTo(401);
        }
        // a minute or two may have begun meanwhile: each is sampled on its own
        long inFull = rows("SELECT count(*) FROM gateway.audit_log WHERE client = '" + client + "' AND event = 'auth.rejected'");
        assertThat(inFull).isBetween(5L, 10L);

        refusals.sealBefore(Instant.now().plus(2, ChronoUnit.MINUTES));
        long counted = 0;
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "SELECT detail FROM gateway.audit_log WHERE client = ? AND event = 'audit.refusals'")) {
            s.setString(1, client);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Matcher m = COUNT.matcher(rs.getString(1));
                    assertThat(m.find()).as(rs.getString(1)).isTrue();
                    counted += Long.parseLong(m.group(1));
                }
            }
        }
        assertThat(counted).as("every refusal is counted, exactly").isEqualTo(500);
        long rowsAdded = rows("SELECT count(*) FROM gateway.audit_log") - rowsBefore;
        assertThat(rowsAdded).as("rows for 500 refusals").isLessThanOrEqualTo(20);
        assertThat(rows("SELECT count(*) FROM gateway.audit_refusal_tally WHERE client = '" + client + "'")).isZero();
        Hq.api().get("/api/audit/verify").then().statusCode(200).body("valid", is(true));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void rotatingAddressesBeyondTheLimitAreCountedTogether() throws Exception {
        // 100 clients a minute are counted apart (the default); past that they share one bucket of 5 in full
        for (int i = 0; i < 130; i++) {
            ClientAddress.from("127.0.1." + (i + 1)).accept("application/json").get("/api/audit").then().statusCode(401);
        }
        long inFull = rows("SELECT count(*) FROM gateway.audit_log WHERE client LIKE 'ip:127.0.1.%' AND event = 'auth.rejected'");
        assertThat(inFull).as("130 clients, each refused once").isLessThanOrEqualTo(105);
        refusals.sealBefore(Instant.now().plus(2, ChronoUnit.MINUTES));
        assertThat(rows("SELECT count(*) FROM gateway.audit_log WHERE client = '(other clients)' AND event = 'audit.refusals'"))
                .isPositive();
        Hq.api().get("/api/audit/verify").then().statusCode(200).body("valid", is(true));
    }

    private static long rows(String sql) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(EmbeddedPostgresResource.jdbcUrl(), "postgres", "postgres");
    }
}
