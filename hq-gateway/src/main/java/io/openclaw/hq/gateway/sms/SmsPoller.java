package io.openclaw.hq.gateway.sms;

import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Inbound SMS without an inbound webhook: every {@code interval} HQ asks Twilio for the messages
 * sent to our number since {@code max-age} ago, claims each new SID in {@link SmsLedger} (so it
 * is handled once, across pages, polls and restarts), and hands it to {@link SmsDesk} like the
 * webhook did. Replies go out through notify-service. Failures back off (doubling up to
 * {@code max-backoff}, at least what a 429 asks); a 401 fails closed until the credentials are
 * fixed; after {@code alert-after} failures in a row an alert goes out through notify, and a
 * "resolved" one when polling works again. {@link #health()} is what HQ shows.
 */
@ApplicationScoped
public class SmsPoller {

    static final String CHECK_ID = "hq-gateway.sms_poller";
    private static final Logger LOG = Logger.getLogger(SmsPoller.class);

    private final SecretResolver secrets;
    private final TwilioMessages twilio;
    private final SmsLedger ledger;
    private final SmsDesk desk;
    private final NotifySmsApi notify;
    private final SmsInboundConfig config;
    private ScheduledExecutorService timer;

    private String state = "starting";
    private Instant lastPollAt;
    private Instant lastSuccessAt;
    private int consecutiveFailures;
    private String lastErrorClass;
    private String lastError;
    private Instant lastErrorAt;
    private Instant nextPollAt;
    private boolean alerting;
    private long messagesHandled;
    /** What {@link #health()} answers: published after each change, so reading it never waits on a poll. */
    private volatile SmsPollerHealth published = snapshot();

    public SmsPoller(SecretResolver secrets, TwilioMessages twilio, SmsLedger ledger, SmsDesk desk,
            @RestClient NotifySmsApi notify, SmsInboundConfig config) {
        this.secrets = secrets;
        this.twilio = twilio;
        this.ledger = ledger;
        this.desk = desk;
        this.notify = notify;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.poll().enabled()) {
            state = "off";
            published = snapshot();
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-poller");
            t.setDaemon(true);
            return t;
        });
        timer.schedule(this::pollAndReschedule, 5, TimeUnit.SECONDS);
        published = snapshot();
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void pollAndReschedule() {
        Duration next = config.poll().maxBackoff();
        try {
            next = pollOnce();
        } catch (RuntimeException e) {
            LOG.warnf("inbound SMS poll failed unexpectedly: %s", e.getClass().getSimpleName());
        } finally {
            if (!timer.isShutdown()) {
                timer.schedule(this::pollAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One poll; answers how long to wait before the next. */
    public synchronized Duration pollOnce() {
        Instant now = Instant.now();
        lastPollAt = now;
        Optional<TwilioAccount> account = account();
        Duration wait;
        if (account.isEmpty()) {
            state = "not_configured";
            lastErrorClass = "not_configured";
            lastError = "missing secret(s): " + String.join(", ", missingSecrets());
            lastErrorAt = now;
            wait = config.poll().maxBackoff();
        } else {
            try {
                LocalDate since = LocalDate.ofInstant(now.minus(config.poll().maxAge()), ZoneOffset.UTC);
                for (InboundSms message : twilio.sentTo(account.get(), since)) {
                    handle(message, now);
                }
                succeeded(now);
                wait = config.poll().interval();
            } catch (TwilioPollFailure failure) {
                wait = failed(failure, now);
            }
        }
        nextPollAt = now.plus(wait);
        published = snapshot();
        return wait;
    }

    private void handle(InboundSms message, Instant now) {
        if (!message.isInbound() || message.sid() == null || message.sid().isBlank()) {
            return;
        }
        String sender = SmsDesk.actorOf(message.from());
        if (!ledger.claim(message, sender)) {
            return;
        }
        messagesHandled++;
        try {
            if (message.sentAt() != null && message.sentAt().isBefore(now.minus(config.poll().maxAge()))) {
                desk.expired(message.from(), message.body(), Duration.between(message.sentAt(), now).toMinutes() + " min");
                ledger.settle(message.sid(), "expired");
                return;
            }
            SmsDecision decision = desk.decide(message.from(), message.body(), "poll");
            ledger.settle(message.sid(), decision.outcome());
            if (decision.answers()) {
                reply(message.from(), decision.reply());
            }
        } catch (RuntimeException e) {
            // claimed, so never run twice; recorded as such and the poll goes on with the next message
            LOG.warnf("inbound SMS %s could not be handled: %s", message.sid(), e.getClass().getSimpleName());
            ledger.settle(message.sid(), "error");
        }
    }

    private void reply(String to, String text) {
        try {
            notify.sendSms(new NotifySmsApi.SmsMessage(to, text));
        } catch (RuntimeException e) {
            LOG.warnf("the SMS reply could not be handed to notify-service: %s", e.getClass().getSimpleName());
        }
    }

    private void succeeded(Instant now) {
        state = "ok";
        lastSuccessAt = now;
        if (alerting) {
            alert("OK", "Inbound SMS polling works again", "Twilio's Messages list is read again.");
            alerting = false;
        }
        consecutiveFailures = 0;
        ledger.forgetOlderThan(now.minus(SmsLedger.KEEP));
    }

    private Duration failed(TwilioPollFailure failure, Instant now) {
        consecutiveFailures++;
        lastErrorClass = failure.kind().name().toLowerCase(Locale.ROOT);
        lastError = failure.getMessage();
        lastErrorAt = now;
        state = failure.kind() == TwilioPollFailure.Kind.UNAUTHORIZED ? "unauthorized" : "failing";
        if (consecutiveFailures >= config.poll().alertAfter() && !alerting) {
            alerting = true;
            alert("FAIL", "Inbound SMS polling failing",
                    consecutiveFailures + " polls of Twilio failed in a row; last: " + lastErrorClass + " (" + lastError
                            + "). SMS commands are not read until it works.");
        }
        return backoff(failure, consecutiveFailures);
    }

    /** Doubling from the interval, capped; at least what a 429 asked; the cap at once for bad credentials. */
    Duration backoff(TwilioPollFailure failure, int failures) {
        Duration max = config.poll().maxBackoff();
        if (failure.kind() == TwilioPollFailure.Kind.UNAUTHORIZED) {
            return max;
        }
        Duration wait = config.poll().interval().multipliedBy(1L << Math.min(failures, 16));
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
            wait = failure.retryAfter().compareTo(max) > 0 ? max : failure.retryAfter();
        }
        return wait;
    }

    private void alert(String status, String title, String message) {
        try {
            notify.alert(new NotifySmsApi.Alert(CHECK_ID, status, "warning", title, message, "hq-gateway"));
        } catch (RuntimeException e) {
            LOG.warnf("the SMS poller's alert could not be handed to notify-service: %s", e.getClass().getSimpleName());
        }
    }

    /** The state as of the last poll; never waits for one in flight. */
    public SmsPollerHealth health() {
        return published;
    }

    private SmsPollerHealth snapshot() {
        return new SmsPollerHealth(state, timer != null && !timer.isShutdown(), lastPollAt, lastSuccessAt,
                consecutiveFailures, lastErrorClass, lastError, lastErrorAt, nextPollAt, alerting, messagesHandled);
    }

    private Optional<TwilioAccount> account() {
        Optional<Secret> sid = secrets.resolve("twilio_account_sid");
        Optional<Secret> token = secrets.resolve("twilio_auth_token");
        Optional<Secret> number = secrets.resolve("twilio_from_number");
        if (sid.isEmpty() || token.isEmpty() || number.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TwilioAccount(sid.get().reveal(), token.get().reveal(), number.get().reveal()));
    }

    private List<String> missingSecrets() {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("twilio_account_sid", "twilio_auth_token", "twilio_from_number")) {
            if (secrets.resolve(name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }
}
