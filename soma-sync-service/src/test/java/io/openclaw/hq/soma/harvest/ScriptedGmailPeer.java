package io.openclaw.hq.soma.harvest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A tiny IMAP server over TLS that says what Gmail says ({@code X-GM-EXT-1}), holds three
 * messages in "[Gmail]/All Mail" and writes down every command it receives, so a test can check
 * the exact Gmail search the harvest sends. GreenMail cannot: it has no X-GM-EXT-1, and gimap
 * speaks only TLS. Its certificate is made for 127.0.0.1 by keytool when the peer starts.
 */
final class ScriptedGmailPeer implements AutoCloseable {

    private static final String PASSWORD = "peer-keystore";
    private final SSLServerSocket server;
    private final SSLContext context;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ScriptedGmailPeer(Path workDir) throws Exception {
        Path keystore = workDir.resolve("peer.p12");
        Files.deleteIfExists(keystore);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "peer", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make the peer's certificate");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "scripted-gmail-peer");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** A client socket factory that trusts this peer's certificate and nothing else. */
    SSLSocketFactory clientSockets() {
        return context.getSocketFactory();
    }

    List<String> commands() {
        return commands;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> {
                    try (socket) {
                        converse(socket);
                    } catch (IOException e) {
                        // the client went away; what it sent is recorded
                    }
                }, "scripted-gmail-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        send(out, "* OK [CAPABILITY IMAP4rev1 UNSELECT X-GM-EXT-1] Gimap ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int space = line.indexOf(' ');
            String tag = line.substring(0, space);
            String command = line.substring(space + 1);
            String verb = command.split(" ")[0].toUpperCase();
            commands.add(verb.equals("LOGIN") ? "LOGIN (credentials not recorded)" : command);
            switch (verb) {
                case "CAPABILITY" -> send(out, "* CAPABILITY IMAP4rev1 UNSELECT X-GM-EXT-1", tag + " OK done");
                case "LOGIN" -> send(out, tag + " OK [CAPABILITY IMAP4rev1 UNSELECT X-GM-EXT-1] logged in");
                case "LIST" -> send(out, "* LIST (\\All \\HasNoChildren) \"/\" \"[Gmail]/All Mail\"", tag + " OK done");
                case "EXAMINE", "SELECT" -> send(out, "* FLAGS (\\Seen)", "* 3 EXISTS", "* 0 RECENT",
                        "* OK [UIDVALIDITY 42] UIDs valid", "* OK [UIDNEXT 4] next", tag + " OK [READ-ONLY] done");
                case "UID" -> send(out, "* 1 FETCH (UID 1)", "* 2 FETCH (UID 2)", "* 3 FETCH (UID 3)", tag + " OK done");
                case "SEARCH" -> send(out, "* SEARCH", tag + " OK done");
                case "LOGOUT" -> {
                    send(out, "* BYE see you", tag + " OK done");
                    return;
                }
                default -> send(out, tag + " OK done");
            }
        }
    }

    private static void send(OutputStream out, String... lines) throws IOException {
        for (String line : lines) {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
