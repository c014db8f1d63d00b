package io.openclaw.hq.notify.client;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * twilio-java's transport, over {@code java.net.http}: the request's path is sent to
 * {@code apiBaseUrl} (Twilio itself, or WireMock in tests), each request is tried exactly once
 * (retries belong to {@link TwilioSmsClient}'s fault tolerance, not to the SDK's own loop), and a
 * timeout is an {@link ApiConnectionException} without the URL, which carries the account SID.
 * One transport per send, so {@link #lastStatus()} is that send's answer.
 */
final class TwilioHttpTransport extends HttpClient {

    private final String apiBaseUrl;
    private final Duration requestTimeout;
    private final java.net.http.HttpClient http;
    /** The status of the last answer: the SDK loses it when an error body is not Twilio's JSON. */
    private volatile int lastStatus;

    TwilioHttpTransport(java.net.http.HttpClient http, String apiBaseUrl, Duration requestTimeout) {
        this.http = http;
        this.apiBaseUrl = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        this.requestTimeout = requestTimeout;
    }

    /** The HTTP status of the last answer this transport received, 0 before any. */
    int lastStatus() {
        return lastStatus;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URL sdkUrl = request.constructURL();
        String target = apiBaseUrl + sdkUrl.getPath() + (sdkUrl.getQuery() == null ? "" : "?" + sdkUrl.getQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        String auth = request.getAuthString();
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        if (request.getMethod() == HttpMethod.POST) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        } else {
            builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            lastStatus = response.statusCode();
            return new Response(response.body(), response.statusCode());
        } catch (HttpTimeoutException e) {
            throw new ApiConnectionException("Twilio did not answer within " + requestTimeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while sending to Twilio");
        }
    }
}
