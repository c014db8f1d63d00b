package io.openclaw.hq.soma.support;

import static io.restassured.RestAssured.given;

import io.openclaw.hq.testing.CanarySecrets;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;

/** Calls to the service as the gateway makes them, and waiting for a run to end. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification call() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN).contentType(ContentType.JSON);
    }

    /** POSTs a workflow, expects 202, returns the run id. */
    public static String start(String path, String body) {
        return call().body(body).post(path).then().statusCode(202).extract().path("runId");
    }

    public static JsonPath awaitRun(String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath run = call().get("/runs/" + runId).then().statusCode(200).extract().jsonPath();
            String status = run.getString("status");
            if (!"running".equals(status) && !"queued".equals(status)) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + runId + " did not end within 60 s");
    }

    public static JsonPath run(String path, String body) {
        return awaitRun(start(path, body));
    }

    public static String log(String runId) {
        return String.join("\n", call().get("/runs/" + runId + "/log").then().statusCode(200).extract().jsonPath()
                .getList("lines", String.class));
    }
}
