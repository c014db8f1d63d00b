package io.openclaw.hq.doctor.checks;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.host.ProbeOutput;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** 6. Disk pressure (use% of every real filesystem) and log growth (size of /var/log), thresholds from config. */
@ApplicationScoped
public class DiskAndLogsCheck implements DoctorCheck {

    private final DoctorConfig config;

    public DiskAndLogsCheck(DoctorConfig config) {
        this.config = config;
    }

    @Override
    public String id() {
        return "disk_logs";
    }

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String name() {
        return "Disk pressure and log growth";
    }

    @Override
    public Set<Probe> probes() {
        return Set.of(Probe.DISK, Probe.LOG_SIZES);
    }

    @Override
    public CheckResult run(HostFacts facts) {
        List<String> details = new ArrayList<>();
        CheckStatus status = CheckStatus.PASS;
        List<String> reasons = new ArrayList<>();

        ProbeOutput df = facts.output(Probe.DISK);
        List<Usage> usages = df.error() == null ? parseDf(df.stdout()) : List.of();
        if (usages.isEmpty()) {
            status = CheckStatus.FAIL;
            reasons.add("disk usage unavailable");
            details.add(df.problem());
        }
        for (Usage u : usages) {
            CheckStatus s = grade(u.percent(), config.disk().warnPercent(), config.disk().failPercent());
            details.add(u.mount() + " " + u.percent() + "% used" + (s == CheckStatus.PASS ? "" : " " + s));
            if (s != CheckStatus.PASS) {
                reasons.add(u.mount() + " at " + u.percent() + "%");
            }
            status = worse(status, s);
        }

        ProbeOutput du = facts.output(Probe.LOG_SIZES);
        Long kb = du.error() == null ? parseDuKb(du.stdout()) : null;
        if (kb == null) {
            status = CheckStatus.FAIL;
            reasons.add("log size unavailable");
            details.add(du.problem());
        } else {
            long mb = kb / 1024;
            CheckStatus s = grade(mb, config.logs().warnMb(), config.logs().failMb());
            details.add("/var/log " + mb + " MB" + (s == CheckStatus.PASS ? "" : " " + s));
            if (s != CheckStatus.PASS) {
                reasons.add("/var/log at " + mb + " MB");
            }
            status = worse(status, s);
        }
        details.add("thresholds: disk warn " + config.disk().warnPercent() + "% fail " + config.disk().failPercent()
                + "%, logs warn " + config.logs().warnMb() + " MB fail " + config.logs().failMb() + " MB");
        String summary = reasons.isEmpty() ? "disk and logs within limits" : String.join(", ", reasons);
        return result(status, summary, details,
                "Free space: docker system prune -f; journalctl --vacuum-size=500M; rotate or delete large files under /var/log.");
    }

    record Usage(String mount, int percent) {
    }

    static List<Usage> parseDf(String output) {
        List<Usage> usages = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] c = line.strip().split("\\s+");
            // Filesystem 1024-blocks Used Available Capacity Mounted-on (a mount point may hold spaces)
            if (c.length < 6 || !c[4].matches("\\d{1,3}%")) {
                continue;
            }
            String mount = String.join(" ", java.util.Arrays.copyOfRange(c, 5, c.length));
            usages.add(new Usage(mount, Integer.parseInt(c[4].substring(0, c[4].length() - 1))));
        }
        return usages;
    }

    static Long parseDuKb(String output) {
        for (String line : output.split("\n")) {
            String[] c = line.strip().split("\\s+");
            if (c.length >= 2 && c[0].matches("\\d{1,15}") && c[1].equals("/var/log")) {
                return Long.parseLong(c[0]);
            }
        }
        return null;
    }

    private static CheckStatus grade(long value, long warn, long fail) {
        if (value >= fail) {
            return CheckStatus.FAIL;
        }
        return value >= warn ? CheckStatus.WARN : CheckStatus.PASS;
    }

    private static CheckStatus worse(CheckStatus a, CheckStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
