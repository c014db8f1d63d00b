package io.openclaw.hq.doctor.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openclaw.hq.testing.TestSecretsResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fake VPS for a Quarkus boot: starts {@link FakeVpsHost}, plants the doctor's private key as
 * the secret {@code doctor_ssh_private_key}, and writes config/targets.json from the template in
 * src/test/resources/config with the host's real port and pinned fingerprint. A test field
 * annotated {@link InjectHost} receives the host.
 */
public class MinaHostResource implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectHost {
    }

    private static FakeVpsHost host;
    private static Path configDir;

    public static synchronized FakeVpsHost host() {
        if (host == null) {
            host = new FakeVpsHost();
            try {
                Files.writeString(TestSecretsResource.secretsDir().resolve(SshHostShell.KEY_SECRET), host.clientPrivateKeyOpenSsh());
                configDir = Files.createTempDirectory("doctor-config");
                ObjectMapper json = new ObjectMapper();
                ObjectNode targets = (ObjectNode) json.readTree(Path.of("src/test/resources/config/targets.json").toFile());
                ObjectNode target = (ObjectNode) targets.path("targets").path(targets.path("active").asText());
                target.put("port", host.port());
                target.put("hostKeyFingerprint", host.hostKeyFingerprint());
                json.writerWithDefaultPrettyPrinter().writeValue(configDir.resolve("targets.json").toFile(), targets);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return host;
    }

    @Override
    public Map<String, String> start() {
        host();
        return Map.of("openclaw.config.dir", configDir.toString(), "doctor.host.mode", "ssh");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(host(), new TestInjector.AnnotatedAndMatchesType(InjectHost.class, FakeVpsHost.class));
    }

    @Override
    public void stop() {
        // kept for the JVM, like the database: every boot in this run talks to the same host
    }
}
