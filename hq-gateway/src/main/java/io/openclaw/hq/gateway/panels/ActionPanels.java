package io.openclaw.hq.gateway.panels;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.DoctorContract;
import io.openclaw.hq.gateway.backends.NotifyContract;
import java.util.List;

/** The answers of the read-only actions (ports, timer, journal, sms_status, soma_status) as panels for a person. */
public final class ActionPanels {

    private ActionPanels() {
    }

    /** The port audit of the latest doctor report: its check, with the posture it rests on. */
    public static Panel ports(BackendReply<List<DoctorContract.Report>> reply) {
        return PanelReader.panel("Port audit", reply, reports -> {
            Panel.Builder panel = Panel.ok("Port audit", DoctorPanels.SERVICE);
            if (reports.isEmpty()) {
                return panel.note("No doctor report yet: run the doctor first.").build();
            }
            DoctorContract.Report report = reports.get(0);
            panel.row("from the doctor run of", Words.time(report.startedAt()));
            if (report.posture() != null) {
                panel.row("sshd public", Words.yesNo(report.posture().sshdPublic()),
                        report.posture().sshdPublic() ? "bad" : "ok");
            }
            report.checks().stream().filter(c -> c.id() != null && c.id().contains("port")).forEach(check -> panel.item(
                    new Item(check.name(), check.status(), PanelReader.tone(check.status()), check.summary(), check.details(),
                            check.remediation())));
            return panel.build();
        });
    }

    public static Panel timer(BackendReply<DoctorContract.GuardStatus> reply) {
        return DoctorPanels.guard(reply);
    }

    public static Panel journal(BackendReply<DoctorContract.GuardLog> reply) {
        return DoctorPanels.guardLog(reply);
    }

    public static Panel notify(BackendReply<NotifyContract.Status> status, BackendReply<List<NotifyContract.Delivery>> deliveries) {
        return NotifyPanels.notify(status, deliveries, null);
    }

    /** soma-sync-service has no contract yet: its scalars with their keys in words. */
    public static Panel somaStatus(BackendReply<JsonNode> reply) {
        return PanelReader.panel("Soma status", reply, body -> {
            Panel.Builder panel = Panel.ok("Soma status", "soma-sync-service");
            PanelReader.scalars(body).forEach(row -> panel.row(row.key(), row.value(), row.tone()));
            return panel.build();
        });
    }

    /** The areas of the artifact tree, each a link target of the artifact browser. */
    public static Panel artifactAreas(List<String> areas) {
        Panel.Builder panel = Panel.ok("Artifact areas", "hq-gateway");
        areas.forEach(area -> panel.item(new Item(area, null, "", "/artifacts/" + area, List.of(), null)));
        if (areas.isEmpty()) {
            panel.note("The artifact tree is empty.");
        }
        return panel.build();
    }
}
