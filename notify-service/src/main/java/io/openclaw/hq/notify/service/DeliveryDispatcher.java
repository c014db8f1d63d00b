package io.openclaw.hq.notify.service;

import io.openclaw.hq.platform.sms.SmsAllowlist;

import io.openclaw.hq.notify.client.PushoverMessage;
import io.openclaw.hq.notify.client.SmsMessage;
import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.model.Channel;
import io.openclaw.hq.notify.model.ChannelResult;
import io.openclaw.hq.notify.model.DeliveryOutcome;
import io.openclaw.hq.notify.store.DeliveryStore;
import io.openclaw.hq.notify.store.DeliveryStore.NewDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends one notification on its channels. Every delivery is a row first (status {@code sending},
 * {@code dry_run} or {@code not_configured}); the provider calls then run on each channel's own
 * threads, in parallel, and this waits for them up to {@code notify.delivery-wait}.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private final ChannelCredentials credentials;
    private final ChannelSender sender;
    private final ChannelExecutors executors;
    private final DeliveryStore deliveries;
    private final NotifyConfig config;
    private final Clock clock;

    public DeliveryDispatcher(ChannelCredentials credentials, ChannelSender sender, ChannelExecutors executors,
            DeliveryStore deliveries, NotifyConfig config, Clock clock) {
        this.credentials = credentials;
        this.sender = sender;
        this.executors = executors;
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    /** One delivery under way: its row id, what the response shows, and the provider call if one is made. */
    private record Pending(Channel channel, long id, String recipient, CompletableFuture<ChannelSender.Sent> call,
            ChannelResult settled) {
    }

    public List<ChannelResult> dispatch(Notification n, List<Channel> channels, String runId) {
        List<Pending> pending = new ArrayList<>();
        for (Channel channel : channels) {
            if (channel == Channel.PUSHOVER) {
                pending.add(pushover(n, runId));
            } else {
                pending.addAll(sms(n, runId, null));
            }
        }
        return collect(pending);
    }

    /** A direct SMS to one allowlisted number (the caller has checked the allowlist). */
    public ChannelResult directSms(Notification n, String to, String runId) {
        return collect(sms(n, runId, to)).get(0);
    }

    private Pending pushover(Notification n, String runId) {
        ChannelCredentials.Lookup<PushoverCredentials> lookup = credentials.pushover();
        String title = MessageText.cut(MessageText.title(n), PushoverMessage.MAX_TITLE);
        if (lookup.credentials().isEmpty()) {
            return settled(n, runId, Channel.PUSHOVER, null, title, DeliveryOutcome.NOT_CONFIGURED, lookup.explanation());
        }
        int priority = MessageText.pushoverPriority(n.kind(), n.severity());
        boolean emergency = priority == PushoverMessage.EMERGENCY;
        PushoverMessage message = new PushoverMessage(title,
                MessageText.cut(MessageText.body(n), PushoverMessage.MAX_MESSAGE), priority,
                emergency ? (int) config.pushover().emergencyRetry().toSeconds() : null,
                emergency ? (int) config.pushover().emergencyExpire().toSeconds() : null);
        if (config.dryRun()) {
            return settled(n, runId, Channel.PUSHOVER, null, title, DeliveryOutcome.DRY_RUN, null);
        }
        PushoverCredentials creds = lookup.credentials().get();
        long id = insert(n, runId, Channel.PUSHOVER, null, title, DeliveryOutcome.SENDING, null);
        return new Pending(Channel.PUSHOVER, id, null,
                submit(Channel.PUSHOVER, () -> sender.pushover(id, message, creds)), null);
    }

    private List<Pending> sms(Notification n, String runId, String onlyTo) {
        ChannelCredentials.Lookup<TwilioCredentials> lookup = credentials.twilio();
        ChannelCredentials.Lookup<SmsAllowlist> allowlist = credentials.allowlist();
        String title = MessageText.title(n);
        if (lookup.credentials().isEmpty() || allowlist.credentials().isEmpty()) {
            List<String> missing = new ArrayList<>(lookup.missing());
            missing.addAll(allowlist.missing());
            String why = new ChannelCredentials.Lookup<>(java.util.Optional.empty(), missing).explanation();
            String recipient = onlyTo == null ? null : SmsAllowlist.mask(onlyTo);
            return List.of(settled(n, runId, Channel.SMS, recipient, title, DeliveryOutcome.NOT_CONFIGURED, why));
        }
        TwilioCredentials creds = lookup.credentials().get();
        String body = MessageText.cut(MessageText.sms(n), SmsMessage.MAX_BODY);
        List<String> recipients = onlyTo == null ? allowlist.credentials().get().numbers() : List.of(onlyTo);
        List<Pending> pending = new ArrayList<>();
        for (String to : recipients) {
            String masked = SmsAllowlist.mask(to);
            if (config.dryRun()) {
                pending.add(settled(n, runId, Channel.SMS, masked, title, DeliveryOutcome.DRY_RUN, null));
                continue;
            }
            SmsMessage message = new SmsMessage(to, body);
            long id = insert(n, runId, Channel.SMS, masked, title, DeliveryOutcome.SENDING, null);
            pending.add(new Pending(Channel.SMS, id, masked, submit(Channel.SMS, () -> sender.sms(id, message, creds)), null));
        }
        return pending;
    }

    private Pending settled(Notification n, String runId, Channel channel, String recipient, String title,
            DeliveryOutcome outcome, String error) {
        long id = insert(n, runId, channel, recipient, title, outcome, error);
        return new Pending(channel, id, recipient, null, new ChannelResult(channel, outcome, id, recipient, null, error));
    }

    private long insert(Notification n, String runId, Channel channel, String recipient, String title,
            DeliveryOutcome outcome, String error) {
        return deliveries.insert(new NewDelivery(clock.instant(), runId, n.checkId(), n.kind(), channel, recipient,
                n.severity(), title, outcome, error));
    }

    private CompletableFuture<ChannelSender.Sent> submit(Channel channel, Supplier<ChannelSender.Sent> call) {
        return CompletableFuture.supplyAsync(call, executors.of(channel));
    }

    private List<ChannelResult> collect(List<Pending> pending) {
        long deadline = System.nanoTime() + config.deliveryWait().toNanos();
        List<ChannelResult> results = new ArrayList<>();
        for (Pending p : pending) {
            if (p.settled() != null) {
                results.add(p.settled());
                continue;
            }
            try {
                ChannelSender.Sent sent = p.call().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                results.add(new ChannelResult(p.channel(), sent.outcome(), p.id(), p.recipient(), null, sent.error()));
            } catch (java.util.concurrent.TimeoutException e) {
                results.add(new ChannelResult(p.channel(), DeliveryOutcome.SENDING, p.id(), p.recipient(), null,
                        "still sending; GET /deliveries shows the outcome"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(new ChannelResult(p.channel(), DeliveryOutcome.SENDING, p.id(), p.recipient(), null,
                        "interrupted while waiting; GET /deliveries shows the outcome"));
            } catch (ExecutionException e) {
                // ChannelSender records every failure itself; reaching this means the row could not be written
                results.add(new ChannelResult(p.channel(), DeliveryOutcome.FAILED, p.id(), p.recipient(), null,
                        "delivery could not be recorded: " + e.getCause().getClass().getSimpleName()));
            }
        }
        return results;
    }
}
