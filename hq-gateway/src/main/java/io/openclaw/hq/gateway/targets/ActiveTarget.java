package io.openclaw.hq.gateway.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.platform.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The active SSH target as the page header shows it ({@code aiops-1 · 100.123.61.57}), read from
 * {@code config/targets.json} on each page so {@code ./hq targets set-active} shows at once. The
 * file is doctor-service's (it validates it before every run); here it is only displayed, and a
 * host outside 100.64.0.0/10 and loopback is shown as refused, as the doctor would treat it.
 */
@ApplicationScoped
public class ActiveTarget {

    static final String FILE = "targets.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");

    private final Path file;

    public ActiveTarget(PlatformConfig platform) {
        this.file = Path.of(platform.config().dir()).resolve(FILE);
    }

    public String label() {
        if (!Files.isRegularFile(file)) {
            return "target: none (no config/targets.json)";
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            String active = root.path("active").asText("");
            JsonNode host = root.path("targets").path(active).path("host");
            if (active.isEmpty() || !host.isTextual()) {
                return "target: invalid (active target '" + active + "' is not in config/targets.json)";
            }
            return isAllowedHost(host.asText()) ? "target: " + active + " · " + host.asText()
                    : "target: " + active + " REFUSED (" + host.asText() + " is outside the tailnet)";
        } catch (IOException e) {
            return "target: invalid (config/targets.json is not JSON)";
        }
    }

    /** 100.64.0.0/10 (Tailscale) or loopback (127.0.0.0/8, ::1) as an IP literal; nothing else. */
    public static boolean isAllowedHost(String host) {
        if ("::1".equals(host)) {
            return true;
        }
        Matcher m = host == null ? null : IPV4.matcher(host);
        if (m == null || !m.matches()) {
            return false;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            octets[i] = Integer.parseInt(m.group(i + 1));
            if (octets[i] > 255) {
                return false;
            }
        }
        return octets[0] == 127 || (octets[0] == 100 && octets[1] >= 64 && octets[1] <= 127);
    }
}
