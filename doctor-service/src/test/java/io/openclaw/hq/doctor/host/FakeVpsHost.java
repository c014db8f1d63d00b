package io.openclaw.hq.doctor.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * Apache MINA SSHD in-process, playing the VPS: it accepts only the doctor's key, answers the
 * probe commands from the current {@link HostScenario}, and records every command that reached
 * it, in order.
 */
public final class FakeVpsHost implements AutoCloseable {

    private final SshServer server;
    private final KeyPair clientKey;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> hostLog = new CopyOnWriteArrayList<>();
    private volatile HostScenario scenario = HostScenario.healthy();
    private volatile String heldCommand;
    private volatile java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(0);

    /**
     * The next answers to {@code probe} wait until the returned latch is counted down: a run that
     * needs them is provably still working until the test lets it go.
     */
    public java.util.concurrent.CountDownLatch hold(Probe probe) {
        held = new java.util.concurrent.CountDownLatch(1);
        heldCommand = probe.wire();
        return held;
    }

    public FakeVpsHost() {
        try {
            clientKey = newEcKeyPair();
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider();
            hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            hostKeys.setKeySize(256);
            server.setKeyPairProvider(hostKeys);
            PublicKey allowed = clientKey.getPublic();
            server.setPublickeyAuthenticator((user, key, session) -> "root".equals(user) && KeyUtils.compareKeys(allowed, key));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setCommandFactory((channel, command) -> new FixtureCommand(command));
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("fake VPS did not start", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The host key's fingerprint as ssh-keygen -lf prints it: what config/targets.json pins. */
    public String hostKeyFingerprint() {
        try {
            KeyPair hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next();
            return KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The doctor's private key in OpenSSH format: what the secret doctor_ssh_private_key holds. */
    public String clientPrivateKeyOpenSsh() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "doctor@test", null, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void use(HostScenario next) {
        scenario = next;
        held.countDown();
        heldCommand = null;
        commands.clear();
        hostLog.clear();
    }

    public HostScenario scenario() {
        return scenario;
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** What the guard appended to the host's guard log file, line by line. */
    public List<String> hostLog() {
        return List.copyOf(hostLog);
    }

    public void clearCommands() {
        commands.clear();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyPair newEcKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private final class FixtureCommand implements Command {

        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        FixtureCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            commands.add(command);
            if (scenario.hangs(command)) {
                return; // never writes, never exits: the client's timeout must end it
            }
            HostScenario.Answer answer = scenario.answer(command);
            java.util.concurrent.CountDownLatch gate = command.equals(heldCommand) ? held : null;
            Thread t = new Thread(() -> {
                try {
                    if (gate != null && !gate.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                        throw new IOException("held command never released");
                    }
                    if (command.equals(Probe.GUARD_LOG_APPEND.wire())) {
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(hostLog::add);
                    }
                    out.write(answer.stdout().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    err.write(answer.stderr().getBytes(StandardCharsets.UTF_8));
                    err.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    // the client went away; nothing to answer
                }
                exit.onExit(answer.exit());
            }, "fake-vps-command");
            t.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing held
        }
    }
}
