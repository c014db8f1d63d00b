package io.openclaw.hq.doctor;

import static io.restassured.RestAssured.given;

import io.openclaw.hq.testing.CanarySecrets;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/**
 * The actions answer 202 with the recorded run and work on; these wait (a deadline that only stops
 * a broken run hanging the build, never a timing assertion) for the run to end and read what it
 * produced the way the gateway would.
 */
public final class ActionRuns {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private ActionRuns() {
    }

    public static RequestSpecification api() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN);
    }

    public static String accepted(RequestSpecification request, String path) {
        return request.when().post(path).then().statusCode(202).extract().path("runId");
    }

    public static JsonPath awaitRun(String runId) {
        for (int i = 0; i < 1200; i++) {
            JsonPath run = api().when().get("/runs/" + runId).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(run.getString("status"))) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + runId + " never finished");
    }

    /** POST /doctor/run, then the report of that run once it ended. */
    public static JsonPath doctor(RequestSpecification request) {
        String runId = accepted(request, "/doctor/run");
        awaitRun(runId);
        return api().when().get("/doctor/reports/" + runId).then().statusCode(200).extract().jsonPath();
    }

    /** POST /guard/run, then the guard log entry of that run once it ended. */
    public static JsonPath guard(RequestSpecification request) {
        String runId = accepted(request, "/guard/run");
        awaitRun(runId);
        List<Map<String, Object>> entries = api().when().get("/guard/log?lines=500").then().statusCode(200).extract()
                .jsonPath().getList("entries");
        Map<String, Object> entry = entries.stream().filter(e -> runId.equals(e.get("runId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no guard log entry for run " + runId));
        try {
            return JsonPath.from(JSON.writeValueAsString(entry));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** POST /heal with the mode, then the heal result of that run once it ended. */
    public static JsonPath heal(RequestSpecification request, String mode) {
        String runId = accepted(request.contentType("application/json").body("{\"mode\":\"" + mode + "\"}"), "/heal");
        awaitRun(runId);
        return api().when().get("/heal/" + runId).then().statusCode(200).extract().jsonPath();
    }
}
