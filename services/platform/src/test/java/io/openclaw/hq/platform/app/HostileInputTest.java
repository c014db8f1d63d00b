package io.openclaw.hq.platform.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile client sent to the services, answered by the platform the same way in every
 * service: each case is a request and the answer it must get (status, and words the problem's
 * detail must hold so the client learns what was wrong). Never a 500.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
class HostileInputTest {

    @jakarta.inject.Inject
    RunGates gates;

    private static RequestSpecification internal() {
        return given().header("X-HQ-Internal-Token", CanarySecrets.INTERNAL_TOKEN);
    }

    static Stream<Arguments> jsonBodies() {
        return Stream.of(
                Arguments.of("a key given twice", "{\"message\":\"a\",\"message\":\"b\",\"count\":1}".getBytes(StandardCharsets.UTF_8),
                        400, "'message' appears twice"),
                Arguments.of("a key given twice, nested in a tree", "{\"message\":\"a\",\"count\":1,\"count\":2}".getBytes(StandardCharsets.UTF_8),
                        400, "'count' appears twice"),
                Arguments.of("an escaped NUL in text", "{\"message\":\"a\\u0000b\",\"count\":1}".getBytes(StandardCharsets.UTF_8),
                        400, "NUL"),
                Arguments.of("a raw NUL byte", new byte[] {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', 'a', 0, 'b', '"', '}'},
                        400, "malformed JSON"),
                Arguments.of("invalid UTF-8", new byte[] {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                        400, "malformed JSON"),
                Arguments.of("a lone continuation byte", new byte[] {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0x80, '"', '}'},
                        400, "malformed JSON"),
                Arguments.of("well-formed", "{\"message\":\"h\u00e9llo\",\"count\":3}".getBytes(StandardCharsets.UTF_8), 200, null));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("jsonBodies")
    void jsonBodiesAreReadStrictly(String name, byte[] body, int status, String detail) {
        Response answer = internal().contentType("application/json").body(body).when().post("/probe/echo");
        assertThat(answer.statusCode()).as(name).isEqualTo(status);
        if (detail != null) {
            assertThat(answer.jsonPath().getString("detail")).as(name).contains(detail);
        }
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                // this test app's config file is invalid on purpose: readiness (and so the whole) is DOWN
                Arguments.of("GET", "/q/health", 503),
                Arguments.of("GET", "/q/health/ready", 503),
                Arguments.of("GET", "/q/health/live", 200),
                Arguments.of("HEAD", "/q/health/live", 200),
                Arguments.of("GET", "/q/health/well", 404),
                Arguments.of("GET", "/q/health/started", 404),
                Arguments.of("GET", "/q/health/group", 404),
                Arguments.of("GET", "/q/health/ready/", 404),
                Arguments.of("GET", "/q/health/", 404),
                Arguments.of("GET", "/q/health/live/../ready", 404),
                Arguments.of("POST", "/q/health/live", 405),
                Arguments.of("POST", "/q/health", 405),
                Arguments.of("DELETE", "/q/health/ready", 405),
                Arguments.of("GET", "/runs/20260101T000000Z-abcdef/log?after=-1", 400),
                Arguments.of("GET", "/runs/20260101T000000Z-abcdef/log?after=abc", 400),
                Arguments.of("GET", "/runs?limit=many", 400),
                Arguments.of("GET", "/runs?limit=-1", 400));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("requests")
    void pathsAndParametersAnswerExactlyAsDocumented(String method, String path, int status) {
        Response answer = internal().urlEncodingEnabled(false).when().request(method, path);
        assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(status);
        if (status >= 400 && status != 503 && !"HEAD".equals(method)) {
            assertThat(answer.jsonPath().getInt("status")).isEqualTo(status);
        }
    }

    static Stream<Arguments> noBodyCases() {
        return Stream.of(
                Arguments.of("", 202),
                Arguments.of("{}", 202),
                Arguments.of("  { }\n", 202),
                Arguments.of("{\"dryRun\":true}", 400),
                Arguments.of("[]", 400),
                Arguments.of("not json", 400),
                Arguments.of("{", 400));
    }

    @ParameterizedTest(name = "body ''{0}'' → {1}")
    @MethodSource("noBodyCases")
    void anActionThatTakesNoBodyRefusesOneInsteadOfIgnoringIt(String body, int status) {
        String gate = "nobody-" + Math.abs(body.hashCode());
        gates.open(gate);
        Response answer = internal().contentType("application/json").body(body).when().post("/probe/slow/" + gate);
        assertThat(answer.statusCode()).as("body '" + body + "'").isEqualTo(status);
        if (status == 400) {
            assertThat(answer.jsonPath().getString("detail")).contains("takes no body");
        }
    }
}
