package io.openclaw.hq.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator at HQ over plain HTTP, as a browser would be: logs in with the console token,
 * keeps the session cookie, sends the page's CSRF token and a same-origin {@code Origin} with
 * every action.
 */
final class Operator {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("\"X-CSRF-Token\": \"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("hq_session=([^;]+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String session;
    private String csrf;

    Operator(String base) {
        this.base = base;
    }

    static Operator loggedIn(Suite suite) {
        Operator operator = new Operator(suite.gateway());
        HttpResponse<String> answer = operator.login(Suite.CONSOLE_TOKEN);
        if (answer.statusCode() != 303 || operator.session == null) {
            throw new AssertionError("login answered " + answer.statusCode() + " " + answer.headers().map() + ": " + answer.body());
        }
        return operator;
    }

    HttpResponse<String> login(String token) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Origin", base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        answer.headers().allValues("set-cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .findFirst().ifPresent(m -> session = m.group(1));
        if (answer.statusCode() == 303 && session != null) {
            Matcher m = CSRF.matcher(page("/actions").body());
            if (!m.find()) {
                throw new AssertionError("no CSRF token on /actions");
            }
            csrf = m.group(1);
        }
        return answer;
    }

    /** The session cookie's value, for a load that reuses this login. */
    String sessionCookie() {
        return session;
    }

    HttpResponse<String> page(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json").GET());
    }

    JsonNode getJson(String path) {
        HttpResponse<String> answer = get(path);
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return parse(answer.body());
    }

    /** {@code POST /api/exec} as the Actions page sends it. */
    HttpResponse<String> exec(String action) {
        return send(request("/api/exec").header("Origin", base).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"" + action + "\"}")));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            builder.header("Cookie", "hq_session=" + session);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HQ did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
