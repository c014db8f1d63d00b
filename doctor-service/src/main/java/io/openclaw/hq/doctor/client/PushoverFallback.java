package io.openclaw.hq.doctor.client;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.platform.notify.AlertRequest;
import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The guard's alert path when notify-service cannot be reached: a direct HTTPS POST to Pushover
 * (the rule of deploy/host/guard-scenarios.json, the same as the host guard's). At most one per
 * check per {@code doctor.pushover.rate-limit} (30 min), counted from the last delivery; the state
 * is this process's (the host guard keeps its own in files). Outbound HTTPS only; plain HTTP is
 * accepted for a loopback address alone (the tests' WireMock).
 */
@ApplicationScoped
public class PushoverFallback {

    public static final String SENT = "sent to Pushover directly";

    private final DoctorConfig config;
    private final SecretResolver secrets;
    private final Clock clock;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @jakarta.inject.Inject
    public PushoverFallback(DoctorConfig config, SecretResolver secrets) {
        this(config, secrets, Clock.systemUTC());
    }

    PushoverFallback(DoctorConfig config, SecretResolver secrets, Clock clock) {
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** What became of the alert, as words for the guard log: "sent to Pushover directly", "Pushover rate-limited …", … */
    public String send(AlertRequest alert) {
        URI url = URI.create(config.pushover().url());
        if (!"https".equals(url.getScheme()) && !isLoopback(url.getHost())) {
            return "Pushover refused: " + url + " is not HTTPS";
        }
        Instant now = clock.instant();
        Instant last = lastSent.get(alert.checkId());
        Duration limit = config.pushover().rateLimit();
        if (last != null && Duration.between(last, now).compareTo(limit) < 0) {
            return "Pushover rate-limited (last sent " + Duration.between(last, now).toMinutes() + " min ago)";
        }
        Optional<Secret> token = secrets.resolve("pushover_token");
        Optional<Secret> user = secrets.resolve("pushover_user");
        if (token.isEmpty() || user.isEmpty()) {
            return "Pushover not configured (pushover_token/pushover_user missing)";
        }
        boolean emergency = "emergency".equals(alert.severity());
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("token", token.get().reveal());
        form.put("user", user.get().reveal());
        form.put("title", alert.title());
        form.put("message", alert.message());
        form.put("priority", emergency ? "2" : "1");
        if (emergency) {
            form.put("retry", "300");
            form.put("expire", "3600");
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                return "Pushover not delivered: answered " + response.statusCode();
            }
            lastSent.put(alert.checkId(), now);
            return SENT;
        } catch (java.io.IOException e) {
            return "Pushover not delivered: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Pushover not delivered: interrupted";
        }
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
