package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.NotifyContract;
import io.openclaw.hq.gateway.sms.SmsPollerHealth;
import io.openclaw.hq.platform.secrets.SecretStatus;
import java.util.ArrayList;
import java.util.List;

/** notify-service's answers as one panel: both channels with their quota, and the recent deliveries. */
final class NotifyPanels {

    static final String SERVICE = "notify-service";

    private NotifyPanels() {
    }

    static Panel notify(BackendReply<NotifyContract.Status> status, BackendReply<List<NotifyContract.Delivery>> deliveries,
            SmsPollerHealth inbound) {
        return PanelReader.panel("Notifications", status, s -> {
            Panel.Builder panel = Panel.ok("Notifications", SERVICE);
            if (s.dryRun()) {
                panel.row("mode", "dry run: nothing is sent", "warn");
            }
            channel(panel, "Pushover", s.pushover());
            channel(panel, "SMS", s.sms());
            inbound(panel, inbound);
            if (s.rateLimitWindow() != null) {
                panel.row("one alert per check", Words.every(s.rateLimitWindow()).replace("every ", "per "));
            }
            if (s.reminderInterval() != null) {
                panel.row("reminders", Words.every(s.reminderInterval()));
            }
            panel.row("maintenance windows", s.activeMaintenanceWindows() == 0 ? "none active"
                    : s.activeMaintenanceWindows() + " active", s.activeMaintenanceWindows() == 0 ? "" : "warn");
            if (deliveries.isOk()) {
                if (deliveries.value().isEmpty()) {
                    panel.note("No deliveries yet.");
                }
                for (NotifyContract.Delivery d : deliveries.value()) {
                    List<String> details = new ArrayList<>();
                    details.add(d.channel() + " to " + (d.recipient() == null ? "—" : d.recipient()) + ", " + d.severity()
                            + (d.checkId() == null ? "" : ", check " + d.checkId()));
                    if (d.error() != null) {
                        details.add("error: " + d.error());
                    }
                    panel.item(new Item(Words.time(d.createdAt()), Words.verdict(d.status()), PanelReader.tone(d.status()),
                            Words.verdict(d.kind()) + ": " + d.title(), details, null));
                }
            } else {
                panel.note("Recent deliveries: " + deliveries.reason());
            }
            return panel.build();
        });
    }

    /** The gateway's own poll of Twilio for SMS commands: an operator who texts HQ must see whether it listens. */
    private static void inbound(Panel.Builder panel, SmsPollerHealth inbound) {
        if (inbound == null) {
            return;
        }
        String tone = switch (inbound.state()) {
            case "ok" -> "ok";
            case "failing", "unauthorized" -> "bad";
            default -> "warn";
        };
        String value = Words.verdict(inbound.state());
        if (inbound.lastSuccessAt() != null) {
            value += ", last read " + Words.time(inbound.lastSuccessAt());
        }
        if (inbound.consecutiveFailures() > 0) {
            value += ", " + inbound.consecutiveFailures() + " failed poll(s) in a row"
                    + (inbound.lastErrorClass() == null ? "" : " (" + Words.verdict(inbound.lastErrorClass()) + ")");
        }
        panel.row("SMS commands in", value, tone);
    }

    /** ready is fine; dry run and a half-open breaker are worth a look; an open breaker means nothing goes out. */
    static String channelTone(String state) {
        return switch (state) {
            case "ready" -> "ok";
            case "breaker_open" -> "bad";
            default -> "warn";
        };
    }

    private static void channel(Panel.Builder panel, String name, NotifyContract.Channel channel) {
        if (channel == null) {
            return;
        }
        String state = channel.state() != null ? Words.verdict(channel.state())
                : channel.configured() ? "configured" : "not configured";
        panel.row(name, state + (channel.breaker() == null ? "" : " (breaker " + Words.verdict(channel.breaker()) + ")")
                + (channel.missing().isEmpty() ? "" : ": missing " + String.join(", ", channel.missing())),
                !channel.configured() ? "warn" : channel.state() == null ? "ok" : channelTone(channel.state()));
        NotifyContract.Activity day = channel.last24h();
        if (day != null) {
            List<String> counts = new ArrayList<>();
            day.byStatus().forEach((status, count) -> counts.add(count + " " + Words.verdict(status)));
            panel.row(name + ", last 24 h", counts.isEmpty() ? "nothing sent" : String.join(", ", counts),
                    day.byStatus().containsKey("failed") ? "bad" : "");
            if (day.lastSentAt() != null) {
                panel.row(name + ", last sent", Words.time(day.lastSentAt()));
            }
            if (day.lastFailedAt() != null) {
                panel.row(name + ", last failure", Words.time(day.lastFailedAt())
                        + (day.lastError() == null ? "" : ": " + day.lastError()), "bad");
            }
        }
        for (SecretStatus credential : channel.credentials()) {
            if (credential.present()) {
                panel.row(Words.label(credential.name()), credential.masked() + " · " + credential.fingerprint());
            }
        }
        if (channel.allowlistedNumbers() != null) {
            panel.row(name + " allowlisted numbers", channel.allowlistedNumbers().toString());
        }
        if (channel.quota() != null && !channel.quota().isNull()) {
            for (KeyValue row : PanelReader.scalars(channel.quota())) {
                panel.row(name + " quota: " + row.key(), row.value(), row.tone());
            }
        }
    }
}
