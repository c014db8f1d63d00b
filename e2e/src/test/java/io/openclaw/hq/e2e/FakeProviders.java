package io.openclaw.hq.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * The outside world, and only it: OpenAI and Mistral (models list, chat), Pushover and Twilio,
 * on one WireMock under a path prefix each. The answers are the vendors' documented shapes;
 * every request the suite sends out is kept so tests can count what reached a provider.
 */
final class FakeProviders {

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    void start() {
        server.start();
        for (String vendor : List.of("openai", "mistral", "moonshot")) {
            server.stubFor(get(urlPathEqualTo("/" + vendor + "/v1/models"))
                    .willReturn(okJson("{\"object\":\"list\",\"data\":[{\"id\":\"e2e-model\",\"object\":\"model\"}]}")));
            server.stubFor(post(urlPathEqualTo("/" + vendor + "/v1/chat/completions")).willReturn(okJson("""
                    {"id":"chatcmpl-e2e","object":"chat.completion","created":1764633600,"model":"gpt-4o-mini",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}""")));
        }
        server.stubFor(post(urlPathEqualTo("/pushover/1/messages.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Limit-App-Limit", "10000").withHeader("X-Limit-App-Remaining", "9990")
                .withHeader("X-Limit-App-Reset", "1767225600")
                .withBody("{\"status\":1,\"request\":\"e2e-pushover-request\"}")));
        server.stubFor(post(urlPathMatching("/twilio/2010-04-01/Accounts/[^/]+/Messages\\.json")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM00000000000000000000000000e2e001\",\"status\":\"queued\"}")));
        server.stubFor(get(urlPathMatching("/twilio/2010-04-01/Accounts/[^/]+/Messages\\.json"))
                .willReturn(okJson("{\"messages\":[],\"next_page_uri\":null}")));
        // anything else a service asks of the outside is a bug: answer loudly
        server.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(aResponse().withStatus(599)));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    WireMockServer server() {
        return server;
    }

    List<LoggedRequest> requestsTo(String pathPrefix) {
        return server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith(pathPrefix)).map(r -> (LoggedRequest) r).toList();
    }

    void stop() {
        server.stop();
    }
}
