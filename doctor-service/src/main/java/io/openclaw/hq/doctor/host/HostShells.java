package io.openclaw.hq.doctor.host;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.config.Target;
import io.openclaw.hq.doctor.config.TargetsFile;
import io.openclaw.hq.platform.concurrent.ThreadPools;
import io.openclaw.hq.platform.config.ConfigFileLoader;
import io.openclaw.hq.platform.config.ConfigViolation;
import io.openclaw.hq.platform.config.LoadedConfig;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Chooses the way to the host. In {@code ssh} mode config/targets.json is read (and validated
 * against its schema) for every run, so an edited file takes effect without a restart and an
 * invalid one refuses the run; in {@code local} mode no target is needed, so {@code ./hq up}
 * boots on a machine without one.
 */
@ApplicationScoped
public class HostShells {

    private static final Logger LOG = Logger.getLogger(HostShells.class);
    static final String TARGETS_FILE = "targets.json";

    private final DoctorConfig config;
    private final ConfigFileLoader loader;
    private final SecretResolver secrets;
    private final ExecutorService pool;

    public HostShells(DoctorConfig config, ConfigFileLoader loader, SecretResolver secrets) {
        this.config = config;
        this.loader = loader;
        this.secrets = secrets;
        this.pool = ThreadPools.fixed("doctor-probe", Math.max(1, config.host().parallelChannels()));
    }

    void onStart(@Observes StartupEvent event) {
        if (isSsh()) {
            LoadedConfig<TargetsFile> targets = loader.load(TARGETS_FILE, TargetsFile.class);
            if (!targets.isValid()) {
                LOG.errorf("config/%s is invalid; the doctor refuses to reach the host: %s", TARGETS_FILE,
                        targets.violations().stream().map(ConfigViolation::toString).collect(Collectors.joining("; ")));
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    public boolean isSsh() {
        return "ssh".equals(config.host().mode().toLowerCase(Locale.ROOT));
    }

    /** The shell for this run; an unusable target answers with a shell that refuses, naming why. */
    public HostShell current() {
        if (!isSsh()) {
            return new LocalHostShell(config.host().probeTimeout(), config.host().remediationTimeout(), pool);
        }
        LoadedConfig<TargetsFile> loaded = loader.load(TARGETS_FILE, TargetsFile.class);
        if (!loaded.isValid()) {
            return refusing("invalid", "config/" + TARGETS_FILE + " is invalid: " + loaded.violations().stream()
                    .map(ConfigViolation::toString).collect(Collectors.joining("; ")));
        }
        TargetsFile file = loaded.require();
        Target target = file.targets().get(file.active());
        if (target == null) {
            return refusing(file.active(), "config/" + TARGETS_FILE + " names active target '" + file.active()
                    + "' that it does not define");
        }
        return new SshHostShell(file.active(), target, () -> secrets.resolve(SshHostShell.KEY_SECRET),
                config.host().connectTimeout(), config.host().probeTimeout(), config.host().remediationTimeout(), pool);
    }

    private static HostShell refusing(String target, String reason) {
        return new HostShell() {
            @Override
            public String target() {
                return target;
            }

            @Override
            public String mode() {
                return "ssh";
            }

            @Override
            public HostSession open() {
                throw new HostUnreachableException(reason);
            }
        };
    }
}
