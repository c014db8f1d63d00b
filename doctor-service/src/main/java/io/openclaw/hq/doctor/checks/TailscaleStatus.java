package io.openclaw.hq.doctor.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.doctor.audit.AddressClass;
import io.openclaw.hq.doctor.audit.NetworkRanges;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parts of {@code tailscale status --json} the doctor reads. */
public record TailscaleStatus(String backendState, List<String> tailscaleIps, List<String> health) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Optional<TailscaleStatus> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            List<String> ips = new ArrayList<>();
            root.path("Self").path("TailscaleIPs").forEach(ip -> ips.add(ip.asText()));
            List<String> health = new ArrayList<>();
            root.path("Health").forEach(h -> health.add(h.asText()));
            return Optional.of(new TailscaleStatus(root.path("BackendState").asText(""), ips, health));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public boolean running() {
        return "Running".equals(backendState);
    }

    /** The IPv4 the remediation binds sshd to: the first of Self's addresses inside 100.64.0.0/10. */
    public Optional<String> ipv4() {
        return tailscaleIps.stream()
                .filter(ip -> ip.indexOf(':') < 0 && NetworkRanges.classify(ip) == AddressClass.TAILNET)
                .findFirst();
    }
}
