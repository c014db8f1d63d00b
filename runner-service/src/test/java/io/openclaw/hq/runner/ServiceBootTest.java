package io.openclaw.hq.runner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.openclaw.hq.runner.support.RunnerTestResources;
import io.openclaw.hq.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RunnerTestResources
class ServiceBootTest extends ServiceContractTest {

    @Test
    void readinessCoversBothAllowlists() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'allowlists' }.data.'job_allowlist.json'", is("valid"))
                .body("checks.find { it.name == 'config' }.data.'job_allowlist.json'", is("valid"))
                .body("checks.find { it.name == 'config' }.data.'repo_allowlist.json'", is("valid"));
    }
}
