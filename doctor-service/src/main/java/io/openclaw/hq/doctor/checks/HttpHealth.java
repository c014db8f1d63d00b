package io.openclaw.hq.doctor.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs a health URL with a deadline; any failure is an answer, never an exception. */
@ApplicationScoped
public class HttpHealth {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** {@code status} is the HTTP status, or -1 with {@code error} set. */
    public record Answer(int status, String body, String error) {

        public boolean ok() {
            return error == null && status >= 200 && status < 300;
        }

        /** The MicroProfile Health {@code status} field, or empty when there is none. */
        public String healthStatus() {
            try {
                JsonNode node = JSON.readTree(body == null ? "" : body);
                return node == null ? "" : node.path("status").asText("");
            } catch (IOException e) {
                return "";
            }
        }

        public String describe() {
            return error != null ? error : "HTTP " + status;
        }
    }

    /** Without blocking a thread per call, so that a stack of services is asked all at once. */
    public java.util.concurrent.CompletableFuture<Answer> getAsync(String url, Duration timeout) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        } catch (IllegalArgumentException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(new Answer(-1, "", "bad URL"));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), cap(r.body()), null))
                .exceptionally(e -> new Answer(-1, "", "unreachable (" + rootCause(e).getClass().getSimpleName() + ")"));
    }

    private static String cap(String body) {
        return body == null ? "" : body.length() > 4096 ? body.substring(0, 4096) : body;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    public Answer get(String url, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body.length() > 4096 ? body.substring(0, 4096) : body, null);
        } catch (IllegalArgumentException e) {
            return new Answer(-1, "", "bad URL");
        } catch (IOException e) {
            return new Answer(-1, "", "unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "interrupted");
        }
    }
}
