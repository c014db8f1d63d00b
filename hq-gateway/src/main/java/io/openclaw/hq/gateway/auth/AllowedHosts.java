package io.openclaw.hq.gateway.auth;

import io.openclaw.hq.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host names a request may be addressed to: the hosts of {@code gateway.allowed-origins}
 * (the Tailscale Serve name) and loopback ({@code localhost}, 127.0.0.0/8, ::1). Any other name is
 * DNS rebinding's shape: a page of attacker.example whose name now points at this machine, so its
 * requests say {@code Host: attacker.example} and are refused before anything reads them. A
 * loopback name is safe to accept: a browser sends it only for a page that was itself loaded from
 * loopback.
 */
@ApplicationScoped
public class AllowedHosts {

    private final Set<String> configured;

    @Inject
    public AllowedHosts(GatewayConfig config) {
        this(config.allowedOrigins().orElse(List.of()));
    }

    AllowedHosts(List<String> allowedOrigins) {
        this.configured = allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty())
                .map(AllowedHosts::hostOf).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return configured.contains(h) || isLoopback(h);
    }

    static boolean isLoopback(String host) {
        return "localhost".equals(host) || "::1".equals(host) || "0:0:0:0:0:0:0:1".equals(host)
                || host.matches("127\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){2}");
    }

    /** What an operator configured, for the refusal's text. */
    Set<String> configured() {
        return configured;
    }

    private static String hostOf(String origin) {
        try {
            String host = new URI(origin).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
