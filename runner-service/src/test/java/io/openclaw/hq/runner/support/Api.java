package io.openclaw.hq.runner.support;

import static io.restassured.RestAssured.given;

import io.openclaw.hq.testing.CanarySecrets;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The runner's API as the gateway calls it: internal token, JSON, and helpers to follow a job. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification api() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN).contentType(ContentType.JSON);
    }

    public static String body(String jobType, String repo, Map<String, String> params) {
        StringBuilder p = new StringBuilder("{");
        params.forEach((k, v) -> p.append(p.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        p.append('}');
        return "{\"jobType\":\"" + jobType + "\",\"repo\":\"" + repo + "\",\"params\":" + p + "}";
    }

    /** Submits and answers the job id. */
    public static String submit(String jobType, String repo, Map<String, String> params) {
        return api().body(body(jobType, repo, params)).when().post("/jobs").then().statusCode(202)
                .extract().jsonPath().getString("jobId");
    }

    /** Polls GET /jobs/{id} until the job has ended (60 s at most). */
    public static JsonPath awaitFinished(String jobId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = api().when().get("/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (!"queued".equals(status) && !"running".equals(status)) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + jobId + " did not finish within 60 s");
    }

    public static String runLog(String runId) {
        return String.join("\n", api().when().get("/runs/" + runId + "/log").then().statusCode(200)
                .extract().jsonPath().getList("lines", String.class));
    }
}
