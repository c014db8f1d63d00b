package io.openclaw.hq.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * llm-router-service over REST: {@code GET /v1/status} (what gate it runs) and {@code POST /v1/review}.
 * The internal token travels only in its header. Anything but a 200 with a JSON verdict is a
 * refusal saying that no verdict exists; the caller stores nothing.
 */
public final class RouterClient {

    static final String TOKEN_HEADER = "X-HQ-Internal-Token";
    /** The router's build (project version and commit), on every answer; also {@code router.version} of /v1/status. */
    static final String VERSION_HEADER = "X-OpenClaw-Router-Version";
    /** A review may wait for OpenAI and then for the one Mistral fallback: bounded well above both. */
    static final Duration REVIEW_LIMIT = Duration.ofMinutes(5);
    static final Duration STATUS_LIMIT = Duration.ofSeconds(15);

    private final URI base;
    private final String token;
    private final HttpClient http;

    /** What the router says about its review gate, recorded as the verdict's router provenance. */
    public record RouterInfo(String url, String version, String reviewGate, String pinnedProvider, String pinnedModel) {
    }

    /** A 200 from /v1/review: the verdict and the version header, if the router sent one. */
    public record Answer(JsonNode verdict, String versionHeader) {
    }

    public RouterClient(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public URI base() {
        return base;
    }

    public RouterInfo info() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/status")).timeout(STATUS_LIMIT)
                .header(TOKEN_HEADER, token).GET().build(), "GET /v1/status");
        if (response.statusCode() != 200) {
            throw new Refusal("no review: llm-router-service answered GET /v1/status with " + describe(response));
        }
        JsonNode router = Json.parse(response.body(), "the router's /v1/status answer").path("router");
        String gate = router.path("review_gate").asText("");
        String provider = router.path("review_provider").asText("");
        String model = router.path("review_model").asText("");
        String version = router.path("version").asText("");
        if (version.isBlank()) {
            version = response.headers().firstValue(VERSION_HEADER).orElse("");
        }
        if (version.isBlank()) {
            // provenance names the router's build; a router that cannot say which it is gives no verdict
            throw new Refusal("no review: llm-router-service at " + base + " reports no version (router.version of "
                    + "GET /v1/status, header " + VERSION_HEADER + "), so a verdict could not say which router gave it; "
                    + "rebuild and restart the router (./hq up)");
        }
        return new RouterInfo(base.toString(), version, gate, provider, model);
    }

    public Answer review(String bundle, String sinceSha, String toSha, String runId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("bundle", bundle).put("sinceSha", sinceSha).put("toSha", toSha).put("runId", runId);
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/v1/review")).timeout(REVIEW_LIMIT)
                .header(TOKEN_HEADER, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8)).build(),
                "POST /v1/review");
        if (response.statusCode() != 200) {
            JsonNode problem = problem(response);
            String title = problem.path("title").asText("");
            String why = switch (title) {
                case "review failed closed" -> "no provider answered (OpenAI, then its one Mistral fallback): ";
                case "review refused" -> "the router refused to review: ";
                case "budget exceeded" -> "over the review budget: ";
                case "review answer invalid" -> "the reviewer's answer did not fit the verdict schema: ";
                default -> "the router answered ";
            };
            String run = problem.hasNonNull("runId") ? " (router run " + problem.path("runId").asText() + ")" : "";
            throw new Refusal("no verdict, fail closed: " + why + describe(response) + run);
        }
        return new Answer(Json.parse(response.body(), "the router's verdict"),
                response.headers().firstValue(VERSION_HEADER).orElse(null));
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Refusal("no verdict, fail closed: llm-router-service is not reachable at " + base + " (" + what
                    + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                    + "). Start it (./hq up) and check ./hq status");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(what + " was interrupted");
        }
    }

    private static JsonNode problem(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static String describe(HttpResponse<String> response) {
        JsonNode problem = problem(response);
        String title = problem.path("title").asText("");
        String detail = problem.path("detail").asText("");
        StringBuilder text = new StringBuilder("HTTP ").append(response.statusCode());
        if (!title.isEmpty()) {
            text.append(" ").append(title);
        }
        if (!detail.isEmpty()) {
            text.append(": ").append(detail.length() > 400 ? detail.substring(0, 400) + "…" : detail);
        }
        return text.toString();
    }
}
