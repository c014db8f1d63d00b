package io.openclaw.hq.doctor.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * deploy/host/guard-scenarios.json: the one decision table both guards are tested against
 * (the Java guard in {@code GuardDecisionTableTest}, the host guard in {@code HostGuardScriptTest}).
 */
public final class GuardScenarios {

    public static final Path FILE = Path.of("../deploy/host/guard-scenarios.json").toAbsolutePath().normalize();

    public record Scenario(String name, boolean tailscaleUp, boolean sshdPublic, boolean containersUp, boolean postgresUp,
            boolean notifyReachable, boolean remediateSshd, String alert) {

        @Override
        public String toString() {
            return name;
        }
    }

    private GuardScenarios() {
    }

    public static List<Scenario> all() {
        try {
            JsonNode root = new ObjectMapper().readTree(FILE.toFile());
            List<Scenario> scenarios = new ArrayList<>();
            for (JsonNode s : root.path("scenarios")) {
                JsonNode given = s.path("given");
                JsonNode expect = s.path("expect");
                scenarios.add(new Scenario(s.path("name").asText(), bool(given, "tailscaleUp"), bool(given, "sshdPublic"),
                        bool(given, "containersUp"), bool(given, "postgresUp"), bool(given, "notifyReachable"),
                        bool(expect, "remediateSshd"), expect.path("alert").asText()));
            }
            if (scenarios.isEmpty()) {
                throw new IllegalStateException(FILE + " has no scenarios");
            }
            return scenarios;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isBoolean()) {
            throw new IllegalStateException(FILE + ": '" + field + "' must be true or false in every scenario");
        }
        return value.asBoolean();
    }
}
