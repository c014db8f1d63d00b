package io.openclaw.hq.soma.kajabi;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.platform.secrets.Redactor;
import io.openclaw.hq.soma.config.SomaFile;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Kajabi's public API for one run: an OAuth client-credentials token, renewed before it expires,
 * and JSON:API lists followed page by page. 429 waits out Retry-After (bounded); 401 gets one
 * fresh token and then fails closed; anything else unexpected fails the run naming the request.
 * Never sends the token anywhere but the configured host.
 */
public final class KajabiClient {

    private final HttpClient http;
    private final SomaFile.Kajabi settings;
    private final KajabiCredentials credentials;
    private final Pause pause;
    private final Clock clock;
    private final Consumer<String> log;
    private final URI base;
    private String accessToken;
    private Instant renewAt = Instant.MIN;
    private int requests;
    private int tokenRequests;

    public KajabiClient(HttpClient http, SomaFile.Kajabi settings, KajabiCredentials credentials, Pause pause,
            Clock clock, Consumer<String> log) {
        this.http = http;
        this.settings = settings;
        this.credentials = credentials;
        this.pause = pause;
        this.clock = clock;
        this.log = log;
        this.base = URI.create(settings.baseUrl() + "/");
    }

    public static HttpClient newHttpClient(SomaFile.Kajabi settings) {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(settings.requestTimeoutOrDefault()))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Every HTTP request made so far, token requests included. */
    public int requests() {
        return requests;
    }

    public int tokenRequests() {
        return tokenRequests;
    }

    /**
     * One client-credentials token request and nothing else: the lightest call that proves
     * kajabi_client_id and kajabi_client_secret ({@code ./hq secrets doctor}). Throws as a run's
     * first request would, with {@link KajabiException#status()} saying what Kajabi answered.
     */
    public void requestTokenOnce() throws InterruptedException {
        ensureToken(true);
    }

    /** Every page of a list, starting at {@code pathAndQuery}, following {@code links.next}. */
    public List<JsonApiPage> list(String pathAndQuery) throws InterruptedException {
        List<JsonApiPage> pages = new ArrayList<>();
        URI next = resolve(pathAndQuery);
        while (next != null) {
            if (pages.size() >= settings.maxPagesOrDefault()) {
                throw new KajabiException("more than " + settings.maxPagesOrDefault() + " pages for "
                        + describe(resolve(pathAndQuery)) + "; kajabi.maxPages stops the loop");
            }
            byte[] body = get(next);
            JsonApiPage page = JsonApiPage.parse(body, "GET " + describe(next));
            pages.add(page);
            next = page.next() == null ? null : resolve(page.next());
        }
        return pages;
    }

    /** Relative links resolve against the base; a link to any other host is refused (it would get our token). */
    URI resolve(String link) {
        URI uri;
        try {
            uri = base.resolve(link.startsWith("/") ? link.substring(1) : link);
        } catch (IllegalArgumentException e) {
            throw new KajabiException("Kajabi sent a link that is not a URL: " + Redactor.redact(link));
        }
        if (!uri.getScheme().equals(base.getScheme()) || !uri.getAuthority().equals(base.getAuthority())) {
            throw new KajabiException("Kajabi sent a link to another host (" + uri.getAuthority()
                    + "); the token is only ever sent to " + base.getAuthority());
        }
        return uri;
    }

    private byte[] get(URI uri) throws InterruptedException {
        boolean refreshedAfter401 = false;
        int throttled = 0;
        while (true) {
            ensureToken(false);
            HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri).GET()
                    .timeout(Duration.ofSeconds(settings.requestTimeoutOrDefault()))
                    .header("Accept", "application/vnd.api+json, application/json")
                    .header("Authorization", "Bearer " + accessToken).build(), "GET " + describe(uri));
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            if (status == 401) {
                if (refreshedAfter401) {
                    throw new KajabiException("Kajabi answered 401 to GET " + describe(uri)
                            + " again with a fresh token: the API client has no access to this (check the"
                            + " kajabi_client_id/kajabi_client_secret app and its scopes); the run stops here");
                }
                log.accept("Kajabi answered 401 to GET " + describe(uri) + "; renewing the token once");
                refreshedAfter401 = true;
                ensureToken(true);
                continue;
            }
            if (status == 429) {
                throttled++;
                if (throttled > settings.maxThrottledRetriesOrDefault()) {
                    throw new KajabiException("Kajabi kept answering 429 to GET " + describe(uri) + " ("
                            + throttled + " times; kajabi.maxThrottledRetries is "
                            + settings.maxThrottledRetriesOrDefault() + ")");
                }
                Duration wait = retryAfter(response, throttled);
                if (wait.toSeconds() > settings.maxRetryAfterOrDefault()) {
                    throw new KajabiException("Kajabi asked to wait " + wait.toSeconds() + " s (Retry-After) for GET "
                            + describe(uri) + ", more than kajabi.maxRetryAfterSeconds = "
                            + settings.maxRetryAfterOrDefault());
                }
                log.accept("Kajabi answered 429 to GET " + describe(uri) + "; waiting " + wait.toMillis() + " ms as asked");
                pause.waitFor(wait);
                continue;
            }
            throw new KajabiException("Kajabi answered HTTP " + status + " to GET " + describe(uri));
        }
    }

    private void ensureToken(boolean force) throws InterruptedException {
        if (!force && accessToken != null && clock.instant().isBefore(renewAt)) {
            return;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(credentials.clientId())
                + "&client_secret=" + encode(credentials.clientSecret());
        URI tokenUri = resolve(settings.tokenPath());
        tokenRequests++;
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(tokenUri)
                .timeout(Duration.ofSeconds(settings.requestTimeoutOrDefault()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "POST " + settings.tokenPath());
        if (response.statusCode() == 400 || response.statusCode() == 401 || response.statusCode() == 403) {
            throw new KajabiException("Kajabi refused the client credentials (HTTP " + response.statusCode()
                    + " from " + settings.tokenPath() + "): check the secrets kajabi_client_id and kajabi_client_secret",
                    response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw new KajabiException("Kajabi's token endpoint answered HTTP " + response.statusCode(), response.statusCode());
        }
        JsonNode token = JsonApiPage.readTree(response.body(), "POST " + settings.tokenPath());
        JsonNode value = token.get("access_token");
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new KajabiException("Kajabi answer malformed at $.access_token: missing (POST " + settings.tokenPath() + ")");
        }
        JsonNode expiresIn = token.get("expires_in");
        if (expiresIn == null || !expiresIn.isIntegralNumber() || expiresIn.asLong() <= 0) {
            throw new KajabiException("Kajabi answer malformed at $.expires_in: missing or not a positive integer (POST "
                    + settings.tokenPath() + ")");
        }
        accessToken = value.asText();
        Redactor.register(accessToken);
        long lifetime = expiresIn.asLong();
        // renew ahead of expiry, but never so early that a short-lived token is renewed on every call
        long skew = Math.min(settings.tokenRefreshSkewOrDefault(), lifetime / 2);
        renewAt = clock.instant().plusSeconds(lifetime - skew);
        log.accept("Kajabi token obtained, valid " + lifetime + " s (renewed " + skew + " s before it expires)");
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) throws InterruptedException {
        requests++;
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new KajabiException("Kajabi request " + what + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + Redactor.redact(e.getMessage()) + ")"), KajabiException.NO_ANSWER);
        }
    }

    private Duration retryAfter(HttpResponse<?> response, int attempt) {
        String header = response.headers().firstValue("Retry-After").orElse(null);
        if (header != null) {
            String value = header.strip();
            if (value.matches("\\d{1,9}")) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException e) {
                // not a number nor a date: fall back to backing off on our own
            }
        }
        return Duration.ofSeconds(Math.min(1L << Math.min(attempt - 1, 5), settings.maxRetryAfterOrDefault()));
    }

    /** Path and query, as logs may show them (the host is known; queries never carry credentials). */
    private static String describe(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
