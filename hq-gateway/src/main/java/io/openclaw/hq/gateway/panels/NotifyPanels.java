package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.NotifyContract;
import io.openclaw.hq.platform.secrets.SecretStatus;
import java.util.ArrayList;
import java.util.List;

/** notify-service's answers as one panel: both channels with their quota, and the recent deliveries. */
final class NotifyPanels {

    static final String SERVICE = "notify-service";

    private NotifyPanels() {
    }

    static Panel notify(BackendReply<NotifyContract.Status> status, BackendReply<List<NotifyContract.Delivery>> deliveries) {
        return PanelReader.panel("Notifications", status, s -> {
            Panel.Builder panel = Panel.ok("Notifications", SERVICE);
            if (s.dryRun()) {
                panel.row("mode", "dry run: nothing is sent", "warn");
            }
            channel(panel, "Pushover", s.pushover());
            channel(panel, "SMS", s.sms());
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

    private static void channel(Panel.Builder panel, String name, NotifyContract.Channel channel) {
        if (channel == null) {
            return;
        }
        panel.row(name, channel.configured() ? "configured" : "not configured"
                + (channel.missing().isEmpty() ? "" : ": missing " + String.join(", ", channel.missing())),
                channel.configured() ? "ok" : "warn");
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
