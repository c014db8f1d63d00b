package io.openclaw.hq.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.testing.Contracts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The backend answers the gateway's stubs replay: the contract files the backends' own tests record
 * from their real answers ({@code contracts/<service>/<name>.json}, read with {@link Contracts#load}).
 * Until a backend records one, the stub falls back to {@code src/test/resources/contracts-pending/},
 * written from that backend's model classes in the same format; {@link #pending()} names those, so
 * they can be listed and dropped once the real file exists.
 */
public final class Replay {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PENDING = new TreeSet<>();

    private Replay() {
    }

    /** The body of the contract as JSON text. */
    public static String body(String service, String name) {
        return JSON.valueToTree(contract(service, name).body()).toString();
    }

    /** The contract's body, to take expected values from. */
    public static JsonNode json(String service, String name) {
        return contract(service, name).body();
    }

    public static Contracts.Contract contract(String service, String name) {
        try {
            return Contracts.load(service, name);
        } catch (IllegalStateException notRecordedYet) {
            synchronized (PENDING) {
                PENDING.add(service + "/" + name);
            }
            return pendingContract(service, name);
        }
    }

    public static Set<String> pending() {
        synchronized (PENDING) {
            return Set.copyOf(PENDING);
        }
    }

    private static Contracts.Contract pendingContract(String service, String name) {
        String resource = "/contracts-pending/" + service + "/" + name + ".json";
        try (InputStream in = Replay.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no contract " + service + "/" + name + " recorded and none pending at "
                        + resource);
            }
            JsonNode file = JSON.readTree(in);
            return new Contracts.Contract(file.path("service").asText(), file.path("method").asText(),
                    file.path("path").asText(), file.path("status").asInt(), file.path("body"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
