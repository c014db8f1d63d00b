package io.openclaw.hq.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.openclaw.hq.testing.CanarySecrets;
import java.util.List;

/**
 * One WireMock plays every provider: they all speak OpenAI's /chat/completions, and each call
 * carries its own provider's key, which is how a stub or a count picks a provider.
 */
public final class FakeProviders {

    public static final String CHAT = "/chat/completions";
    /** Every provider's API base points at the one WireMock. */
    public static final String OVERRIDES = "openclaw.llm.api-base-override.openai,openclaw.llm.api-base-override.mistral,"
            + "openclaw.llm.api-base-override.moonshot,openclaw.llm.api-base-override.ollama";
    public static final String TOKEN_HEADER = "X-HQ-Internal-Token";
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> GATES = List.of("public_binds", "allowlist_bypass", "key_handling",
            "guard_doctor_intact", "lockout_risk");

    private FakeProviders() {
    }

    public static String bearer(String provider) {
        return "Bearer " + CanarySecrets.value(provider + "_api_key");
    }

    public static void answer(WireMockServer wm, String provider, ResponseDefinitionBuilder response) {
        wm.stubFor(post(urlEqualTo(CHAT)).withHeader("Authorization", equalTo(bearer(provider))).willReturn(response));
    }

    public static RequestPatternBuilder callsTo(String provider) {
        return postRequestedFor(urlEqualTo(CHAT)).withHeader("Authorization", equalTo(bearer(provider)));
    }

    public static int count(WireMockServer wm, String provider) {
        return wm.findAll(callsTo(provider)).size();
    }

    /** A chat completion in OpenAI's shape with the given text and usage. */
    public static ResponseDefinitionBuilder completion(String model, String content, long promptTokens, long completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-fake").put("object", "chat.completion").put("model", model);
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    /** The model's verdict text: every gate passes unless named in {@code failing}. */
    public static String verdict(String verdict, String... failing) {
        ObjectNode v = JSON.createObjectNode();
        v.put("verdict", verdict).put("summary", "fake review");
        ObjectNode gates = v.putObject("gates");
        List<String> fails = List.of(failing);
        for (String gate : GATES) {
            gates.putObject(gate).put("status", fails.contains(gate) ? "fail" : "pass").put("reason", "checked");
        }
        return v.toString();
    }

    public static ResponseDefinitionBuilder approved(String model) {
        return completion(model, verdict("APPROVED"), 400, 120);
    }

    public static ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"fake\"}}");
    }

    public static String reviewBody(String runId, String bundle) {
        ObjectNode body = JSON.createObjectNode();
        body.put("bundle", bundle).put("sinceSha", "1a2b3c4d").put("toSha", "5e6f7a8b").put("runId", runId);
        return body.toString();
    }

    public static String runId(String prefix) {
        return prefix + "-" + Long.toHexString(System.nanoTime());
    }
}
