package io.openclaw.hq.platform.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An action asked for while PostgreSQL is down answers 503 saying the run cannot be recorded
 * (with Retry-After), not 500, and starts nothing. The probe launches through the platform's own
 * RunLauncher, RunRecorder, RunStore and ResourceLocks on a real pool whose connections are
 * refused; a real SQL error on the live database stays a 500.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
class DatabaseUnavailableAnswersTest {

    private static RequestSpecification internal() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN);
    }

    @Test
    void anActionWhoseRunCannotBeRecordedIs503WithRetryAfterAndNoDriverText() {
        Response answer = internal().when().post("/probe/offline/runs");
        answer.then().statusCode(503).header("Retry-After", "5").contentType("application/json")
                .body("status", equalTo(503)).body("title", equalTo("database unavailable"));
        String detail = answer.jsonPath().getString("detail");
        assertThat(detail).startsWith("the run cannot be recorded: the database is unavailable")
                .contains("reference");
        assertNoDriverText(answer.asString());
        assertThat(runsOf("offline-runs")).isEmpty();
    }

    @Test
    void anActionWhoseLockCannotBeCheckedIs503AndItsRunEndsFailedNotRunning() {
        Response answer = internal().when().post("/probe/offline/locks");
        answer.then().statusCode(503).header("Retry-After", "5").body("title", equalTo("database unavailable"));
        assertThat(answer.jsonPath().getString("detail"))
                .startsWith("the lock offline:locks cannot be taken: the database is unavailable");
        assertNoDriverText(answer.asString());

        // the runs table was reachable: the attempt is on record, ended, and says why without the driver's text
        List<Map<String, Object>> runs = runsOf("offline-locks");
        assertThat(runs).isNotEmpty().allSatisfy(run -> {
            assertThat(run.get("status")).isEqualTo("failure");
            assertThat(run.get("error")).isEqualTo("the database is unavailable");
        });
    }

    @Test
    void aGenuineDatabaseBugStaysA500WithOnlyALogReference() {
        Response answer = internal().when().get("/probe/bad-sql");
        answer.then().statusCode(500).body("title", equalTo("internal error"));
        assertThat(answer.getHeader("Retry-After")).isNull();
        assertThat(answer.asString()).doesNotContain("SELEC").doesNotContain("syntax");
    }

    private static void assertNoDriverText(String body) {
        assertThat(body).doesNotContain("127.0.0.1").doesNotContain("jdbc").doesNotContain("postgresql")
                .doesNotContain("Exception").doesNotContain("refused").doesNotContain("\tat ");
    }

    private static List<Map<String, Object>> runsOf(String action) {
        JsonPath runs = internal().when().get("/runs?limit=500").then().statusCode(200).extract().jsonPath();
        return runs.getList("findAll { it.action == '" + action + "' }");
    }
}
