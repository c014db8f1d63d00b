package io.openclaw.hq.gateway.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the messages sent to our number from Twilio's Messages list API: an outbound HTTPS GET of
 * {@code /2010-04-01/Accounts/{sid}/Messages.json?To=…&DateSent>=…&PageSize=…}, following
 * {@code next_page_uri} page by page. Nothing of Twilio ever calls us. The credentials go only in
 * the Authorization header; no error text carries them.
 */
@ApplicationScoped
public class TwilioMessages {

    private final ObjectMapper json;
    private final SmsInboundConfig config;
    private final HttpClient http;

    public TwilioMessages(ObjectMapper json, SmsInboundConfig config) {
        this.json = json;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One poll's worth: every page from the first, up to {@code max-pages}; oldest message first. */
    public List<InboundSms> sentTo(TwilioAccount account, LocalDate since) throws TwilioPollFailure {
        String base = config.poll().twilioUrl().replaceAll("/+$", "");
        String next = "/2010-04-01/Accounts/" + encode(account.sid()) + "/Messages.json?To=" + encode(account.number())
                + "&" + encode("DateSent>") + "=" + since + "&PageSize=" + config.poll().pageSize();
        List<InboundSms> messages = new ArrayList<>();
        for (int page = 0; next != null && page < config.poll().maxPages(); page++) {
            JsonNode answer = get(URI.create(base + next), account);
            JsonNode list = answer.get("messages");
            if (list == null || !list.isArray()) {
                throw new TwilioPollFailure(TwilioPollFailure.Kind.BAD_ANSWER, "Twilio's answer has no messages list", null);
            }
            for (JsonNode m : list) {
                messages.add(new InboundSms(text(m, "sid"), text(m, "from"), text(m, "to"), text(m, "body"),
                        sentAt(m), text(m, "direction")));
            }
            JsonNode uri = answer.get("next_page_uri");
            next = uri == null || uri.isNull() || uri.asText().isBlank() ? null : uri.asText();
            if (next != null && !next.startsWith("/2010-04-01/Accounts/")) {
                // only ever follow Twilio's own paths on the configured host, never an absolute URL
                throw new TwilioPollFailure(TwilioPollFailure.Kind.BAD_ANSWER, "next_page_uri is not a Messages path", null);
            }
        }
        // Twilio lists newest first; commands are acted on in the order they were sent
        messages.sort(java.util.Comparator.comparing(InboundSms::sentAt, java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder())));
        return messages;
    }

    private JsonNode get(URI uri, TwilioAccount account) throws TwilioPollFailure {
        String basic = Base64.getEncoder().encodeToString((account.sid() + ":" + account.authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.poll().timeout())
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TwilioPollFailure(TwilioPollFailure.Kind.UNREACHABLE, "Twilio did not answer: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwilioPollFailure(TwilioPollFailure.Kind.UNREACHABLE, "interrupted", null);
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                return json.readTree(response.body());
            } catch (IOException e) {
                throw new TwilioPollFailure(TwilioPollFailure.Kind.BAD_ANSWER, "Twilio's answer is not JSON", null);
            }
        }
        String said = "HTTP " + status + twilioMessage(response.body());
        if (status == 401 || status == 403) {
            throw new TwilioPollFailure(TwilioPollFailure.Kind.UNAUTHORIZED,
                    said + ": twilio_account_sid or twilio_auth_token is wrong", null);
        }
        if (status == 429) {
            throw new TwilioPollFailure(TwilioPollFailure.Kind.RATE_LIMITED, said,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status >= 500) {
            throw new TwilioPollFailure(TwilioPollFailure.Kind.SERVER_ERROR, said, null);
        }
        throw new TwilioPollFailure(TwilioPollFailure.Kind.CLIENT_ERROR, said, null);
    }

    /** Twilio's own words for an error ({@code message}), redacted and cut; nothing else of the body. */
    private String twilioMessage(String body) {
        try {
            JsonNode error = json.readTree(body);
            JsonNode message = error == null ? null : error.get("message");
            if (message == null || !message.isTextual()) {
                return "";
            }
            String text = Redactor.redact(message.asText());
            return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant sentAt(JsonNode m) {
        for (String field : new String[] {"date_sent", "date_created"}) {
            String value = text(m, field);
            if (value != null) {
                try {
                    return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    // try the next field
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
