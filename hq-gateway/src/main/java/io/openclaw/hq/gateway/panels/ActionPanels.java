package io.openclaw.hq.gateway.panels;

import io.openclaw.hq.gateway.backends.BackendReply;
import io.openclaw.hq.gateway.backends.DoctorContract;
import io.openclaw.hq.gateway.backends.NotifyContract;
import io.openclaw.hq.gateway.backends.SomaContract;
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

    /** Soma's status: each workflow's last run, the warnings, the credentials present (masked); the Soma page has it all. */
    public static Panel somaStatus(BackendReply<SomaContract.Status> reply) {
        return PanelReader.panel("Soma status", reply, status -> {
            Panel.Builder panel = Panel.ok("Soma status", "soma-sync-service");
            panel.row("config", status.configValid() ? "valid" : "invalid", status.configValid() ? "ok" : "bad");
            for (SomaContract.Workflow w : status.workflows()) {
                SomaContract.RunSummary last = w.lastRun();
                String label = w.product() == null ? w.workflow() : w.workflow() + " " + w.product();
                panel.item(new Item(label, last == null ? "no run yet" : Words.verdict(last.status()),
                        last == null ? "warn" : PanelReader.tone(last.status()),
                        last == null ? null : Words.time(last.startedAt()) + ": "
                                + (last.error() != null ? last.error() : last.summary()),
                        List.of(), null));
            }
            status.warnings().forEach(w -> panel.row("warning", w, "warn"));
            // a value too short to show its last characters has no masked form: its fingerprint says enough
            status.credentials().forEach(c -> panel.row(c.name(), c.present()
                    ? (c.masked() == null ? "set" : c.masked()) + " " + c.fingerprint() : "not set", c.present() ? "ok" : "bad"));
            return panel.note("Everything Soma does, with its buttons: the Soma page (/soma).").build();
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

    /** Each provider's credential check: PASS or FAIL with its class; the detail is the service's own words. */
    public static Panel credentialChecks(String title, String service,
            List<io.openclaw.hq.gateway.backends.CredentialCheck> checks) {
        Panel.Builder panel = Panel.ok(title, service);
        for (var check : checks) {
            boolean pass = "PASS".equals(check.result());
            panel.item(new Item(check.provider(), pass ? "PASS" : "FAIL " + check.errorClass(), pass ? "ok" : "bad",
                    check.detail(), List.of(), null));
        }
        return panel.note("From the shell: ./hq secrets doctor NAME (docs/OPS_INDEX.md).").build();
    }
}
