package io.openclaw.hq.doctor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Thresholds, schedules and endpoints of the doctor and the guard; {@code %prod} values come from the environment. */
@ConfigMapping(prefix = "doctor")
public interface DoctorConfig {

    Host host();

    Schedule schedule();

    Guard guard();

    Disk disk();

    Logs logs();

    Keys keys();

    Stack stack();

    Api api();

    Console console();

    Alerts alerts();

    Pushover pushover();

    HostGuard hostGuard();

    interface Host {
        /** {@code local} runs the probes on this machine ({@code ./hq up}); {@code ssh} goes to config/targets.json. */
        @WithDefault("local")
        String mode();

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration probeTimeout();

        @WithDefault("180s")
        Duration remediationTimeout();

        /** SSH channels open at once on the one connection of a run. */
        @WithDefault("8")
        int parallelChannels();
    }

    interface Schedule {
        /** The hourly doctor run; {@code off} disables it. */
        @WithDefault("0 0 * * * ?")
        String cron();
    }

    interface Guard {
        @WithDefault("0 */10 * * * ?")
        String cron();

        /** The cron's period, for "the guard ran within two intervals". */
        @WithDefault("10m")
        Duration interval();
    }

    interface Disk {
        @WithDefault("80")
        int warnPercent();

        @WithDefault("90")
        int failPercent();
    }

    interface Logs {
        @WithDefault("1024")
        long warnMb();

        @WithDefault("4096")
        long failMb();
    }

    interface Keys {
        /** Missing → FAIL. */
        @WithDefault("openai_api_key,pushover_token,pushover_user,hq_internal_token")
        List<String> required();

        /** Missing → WARN. */
        @WithDefault("mistral_api_key,moonshot_api_key,twilio_auth_token")
        List<String> optional();
    }

    interface Stack {
        /** Service name → its {@code /q/health/ready} URL. */
        Map<String, String> services();
    }

    interface Api {
        @WithDefault("http://127.0.0.1:8787/q/health/live")
        String healthzUrl();

        @WithDefault("3s")
        Duration timeout();
    }

    interface Console {
        @WithDefault("127.0.0.1")
        String address();

        @WithDefault("8787")
        int port();
    }

    interface Alerts {
        @WithDefault("doctor-service")
        String source();
    }

    /** The guard's direct path to Pushover when notify-service cannot be reached. */
    interface Pushover {
        @WithDefault("https://api.pushover.net/1/messages.json")
        String url();

        /** At most one direct alert per check in this period. */
        @WithDefault("30m")
        Duration rateLimit();
    }

    /** The host guard (deploy/host/openclaw_guard.sh): its log, read-only, for GET /guard/host and check 9. */
    interface HostGuard {
        /** The host guard's log; in compose the host's /var/log/openclaw-guard mounted read-only. */
        @WithDefault("/var/log/openclaw-guard/openclaw_guard.log")
        String logPath();

        /** No host-guard line for longer than this → check 9 FAILs. */
        @WithDefault("25m")
        Duration staleAfter();

        /** Lines of the log shown (GET /guard/host, check 9 details). */
        @WithDefault("20")
        int tailLines();
    }
}
