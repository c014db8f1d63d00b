package io.openclaw.hq.doctor.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.platform.PlatformConfig;
import io.openclaw.hq.platform.config.ConfigFileLoader;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the way to the host from config: local needs nothing; ssh refuses an invalid targets.json. */
class HostShellsTest {

    static final String FP = "SHA256:" + "A".repeat(43);

    @TempDir
    Path configDir;

    HostShells shells(String mode) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                // Quarkus's own converter reads "5s" the way the running service does
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withMapping(DoctorConfig.class).withMapping(PlatformConfig.class)
                .withDefaultValue("doctor.host.mode", mode)
                .withDefaultValue("openclaw.service.name", "doctor-service")
                .withDefaultValue("openclaw.config.dir", configDir.toString())
                .withDefaultValue("openclaw.secrets.dir", configDir.resolve("no-secrets").toString())
                .build();
        PlatformConfig platform = config.getConfigMapping(PlatformConfig.class);
        return new HostShells(config.getConfigMapping(DoctorConfig.class), new ConfigFileLoader(platform), new SecretResolver(platform));
    }

    void targets(String json) throws Exception {
        Files.writeString(configDir.resolve("targets.json"), json);
    }

    @Test
    void localModeNeedsNoTargetsFile() {
        HostShell shell = shells("local").current();
        assertThat(shell.mode()).isEqualTo("local");
        assertThat(shell.target()).isEqualTo("local");
    }

    @Test
    void sshModeWithoutATargetsFileRefusesNamingTheFile() {
        assertThatThrownBy(() -> shells("ssh").current().open()).isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("config/targets.json is invalid").hasMessageContaining("missing");
    }

    @Test
    void aPublicTargetIsRefusedAtValidation() throws Exception {
        targets("{\"active\":\"vps\",\"targets\":{\"vps\":{\"host\":\"203.0.113.10\",\"port\":22,\"user\":\"root\","
                + "\"hostKeyFingerprint\":\"" + FP + "\"}}}");
        assertThatThrownBy(() -> shells("ssh").current().open()).isInstanceOf(HostUnreachableException.class)
                .hasMessageContaining("config/targets.json is invalid").hasMessageContaining("$.targets.vps.host");
    }

    @Test
    void anActiveTargetThatIsNotDefinedIsRefused() throws Exception {
        targets("{\"active\":\"other\",\"targets\":{\"vps\":{\"host\":\"100.64.0.1\",\"port\":22,\"user\":\"root\","
                + "\"hostKeyFingerprint\":\"" + FP + "\"}}}");
        HostShell shell = shells("ssh").current();
        assertThat(shell.target()).isEqualTo("other");
        assertThatThrownBy(shell::open).isInstanceOf(HostUnreachableException.class).hasMessageContaining("does not define");
    }

    @Test
    void aValidTargetGivesAnSshShellNamedAfterIt() throws Exception {
        targets("{\"active\":\"vps\",\"targets\":{\"vps\":{\"host\":\"100.64.0.1\",\"port\":22,\"user\":\"root\","
                + "\"hostKeyFingerprint\":\"" + FP + "\"}}}");
        HostShell shell = shells("ssh").current();
        assertThat(shell).isInstanceOf(SshHostShell.class);
        assertThat(shell.target()).isEqualTo("vps");
        // no key in the secrets directory: refused before any connection attempt
        assertThatThrownBy(shell::open).hasMessageContaining("doctor_ssh_private_key is missing");
    }
}
