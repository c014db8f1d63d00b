package io.openclaw.hq.doctor.host;

import io.openclaw.hq.platform.PlatformConfig;
import io.openclaw.hq.platform.secrets.SecretResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A real SecretResolver over a temporary secrets directory, for tests outside Quarkus. */
final class SecretsInDirectory {

    private SecretsInDirectory() {
    }

    static SecretResolver withPrivateKey(String privateKey) {
        try {
            Path dir = Files.createTempDirectory("doctor-secrets");
            if (privateKey != null) {
                Files.writeString(dir.resolve(SshHostShell.KEY_SECRET), privateKey);
            }
            return new SecretResolver(config(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PlatformConfig config(Path dir) {
        return new PlatformConfig() {
            @Override
            public String serviceName() {
                return "doctor-service";
            }

            @Override
            public Secrets secrets() {
                return new Secrets() {
                    @Override
                    public String dir() {
                        return dir.toString();
                    }

                    @Override
                    public Optional<List<String>> known() {
                        return Optional.empty();
                    }
                };
            }

            @Override
            public Config config() {
                return () -> "config";
            }

            @Override
            public Artifacts artifacts() {
                return () -> dir.toString();
            }

            @Override
            public InternalAuth internalAuth() {
                return () -> true;
            }
        };
    }
}
