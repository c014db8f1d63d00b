package io.openclaw.hq.doctor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.openclaw.hq.testing.CanarySecrets;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@DoctorTestResources
class ServiceBootTest {

    @Test
    void readyCoversTheDatabaseAndTheTargetsFile() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name.contains('Database') }.status", is("UP"))
                .body("checks.find { it.name == 'config' }.data.'targets.json'", is("valid"));
    }

    @Test
    void runsNeedTheInternalToken() {
        given().when().get("/runs").then().statusCode(401).body("title", equalTo("unauthorized"));
        given().header("X-HQ-Internal-Token", "wrong-token-value").when().get("/runs").then().statusCode(401);
        given().when().post("/doctor/run").then().statusCode(401);
        given().when().post("/heal").then().statusCode(401);
    }

    @Test
    void runsAnswerWithTheToken() {
        given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN)
                .when().get("/runs")
                .then().statusCode(200).header("Content-Type", is("application/json;charset=UTF-8"));
    }
}
