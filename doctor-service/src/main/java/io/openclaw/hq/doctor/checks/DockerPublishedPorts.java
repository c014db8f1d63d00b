package io.openclaw.hq.doctor.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.doctor.audit.AddressClass;
import io.openclaw.hq.doctor.audit.NetworkRanges;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code docker ps --format '{{json .}}'} (one JSON object per line) and lists each
 * published port with the host address it is published on. Docker publishes around the host
 * firewall, so 0.0.0.0 and :: are public whatever ufw says.
 */
public final class DockerPublishedPorts {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Published(String container, String address, String mapping, AddressClass addressClass) {
    }

    private DockerPublishedPorts() {
    }

    /** The published ports; an unparseable line is reported as a problem rather than skipped. */
    public static List<Published> parse(String output, List<String> problems) {
        List<Published> result = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                problems.add("unparseable docker ps line: " + (line.length() > 80 ? line.substring(0, 80) + "…" : line));
                continue;
            }
            String container = node.path("Names").asText("?");
            for (String entry : node.path("Ports").asText("").split(",")) {
                String mapping = entry.strip();
                int arrow = mapping.indexOf("->");
                if (arrow < 0) {
                    continue; // exposed, not published
                }
                String hostSide = mapping.substring(0, arrow);
                int colon = hostSide.lastIndexOf(':');
                String address = colon <= 0 ? "0.0.0.0" : hostSide.substring(0, colon);
                result.add(new Published(container, address, mapping, NetworkRanges.classify(address)));
            }
        }
        return result;
    }
}
