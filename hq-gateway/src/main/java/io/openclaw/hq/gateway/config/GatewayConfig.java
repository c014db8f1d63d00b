package io.openclaw.hq.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The gateway's own settings: sessions, login throttling, display caching, SMS and artifacts. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Session session();

    Login login();

    Backends backends();

    Sms sms();

    Artifacts artifacts();

    /**
     * Origins accepted on state-changing requests besides the request's own host, for example the
     * Tailscale Serve address {@code https://aiops-1.tailnet.ts.net}.
     */
    Optional<List<String>> allowedOrigins();

    /**
     * Peers whose forwarding headers (Tailscale-User-Login, X-Forwarded-*) are believed: the
     * address Tailscale Serve connects from (in compose the edge bridge's gateway address). IP
     * literals only; none by default, so a client that reaches the gateway directly can never
     * choose its own identity or throttle key.
     */
    Optional<List<String>> trustedProxies();

    interface Session {
        /** A session ends this long after login, whatever happens in between. */
        @WithDefault("PT12H")
        Duration ttl();

        @WithDefault("hq_session")
        String cookie();

        /**
         * The console token is read again from its file at most this often: a rotation ends the
         * sessions opened with the old token within this interval, without a restart.
         */
        @WithDefault("PT10S")
        Duration consoleTokenRefresh();

        /** How long a one-time login link (./hq login-link) may be used. */
        @WithDefault("PT1M")
        Duration loginCodeTtl();
    }

    interface Login {
        /** Failed logins (form or X-OpenClaw-Token) allowed per client in one minute; then 429. */
        @WithDefault("10")
        int maxFailuresPerMinute();
    }

    interface Backends {
        /**
         * Read-only panel data is reused for this long, so fifty people on the overview cost the
         * backends one call each, and a hanging backend is asked once, not fifty times.
         */
        @WithDefault("PT2S")
        Duration displayCacheTtl();

        /** Threads that call backends in parallel (fan-out for the run feed and the overview). */
        @WithDefault("16")
        int fanOutThreads();


        /** Between two polls of a running run's log while its page follows it. */
        @WithDefault("PT0.5S")
        Duration streamPoll();
    }

    interface Sms {
        /** One command per sender in this interval; more are answered with a "wait" text. */
        @WithDefault("PT1M")
        Duration perSenderInterval();
    }

    interface Artifacts {
        /** A text preview shows at most this many bytes and says so when a file is longer. */
        @WithDefault("65536")
        int previewBytes();
    }
}
