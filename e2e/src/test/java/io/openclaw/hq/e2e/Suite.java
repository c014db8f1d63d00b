package io.openclaw.hq.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.testing.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real suite, once per test JVM: PostgreSQL through {@link LocalPostgres} and the six services
 * from their built {@code target/quarkus-app} jars, with the same JVM flags, clean environment and
 * settings {@code ./hq up} gives them (see {@code service_env} in the {@code hq} script), on free
 * loopback ports so a developer's running HQ is left alone. Only the outside world is fake: the
 * providers answer from {@link FakeProviders}. Everything lives under {@code target/suite/}; the
 * services' logs stay there for a failed run to be read.
 */
public final class Suite {

    /** The flags ./hq gives every service (TUNED_JVM_FLAGS). */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx80m", "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=32m", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
    static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    /** Fake keys planted in the secret slots; the pages may show them only masked. */
    static final String OPENAI_KEY = "sk-e2e-openai-4f1c9a7be2d04c55aa31";
    static final String MISTRAL_KEY = "e2e-mistral-7d3b2f6a9c1e4b08d5f2";
    static final String CONSOLE_TOKEN = "e2e-console-token-6b1f0c9e3a7d45e2b8c4";
    static final String INTERNAL_TOKEN = "e2e-internal-token-2c8e5a1f9b3d47c6e0a9";
    static final String OPERATOR_PHONE = "+15550100001";
    /** A second allowlisted phone, so a test's SMS command does not spend the operator's one command a minute. */
    static final String SECOND_PHONE = "+15550100002";

    private static Suite running;
    private static RuntimeException failedToStart;

    final Path root;
    final Path repo;
    final Path secrets;
    final Path config;
    final Path artifacts;
    final Path logs;
    final FakeProviders providers;
    final int postgresPort;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private ServiceProcess postgres;

    private Suite(Path repo) throws IOException {
        this.repo = repo;
        // a module that reuses the suite (reliability/) keeps its state and logs in its own target/
        this.root = repo.resolve(System.getProperty("suite.dir", "e2e/target/suite"));
        deleteTree(root);
        this.secrets = root.resolve("secrets");
        this.config = root.resolve("config");
        this.artifacts = root.resolve("artifacts");
        this.logs = root.resolve("logs");
        Files.createDirectories(logs);
        Files.createDirectories(artifacts);
        Files.createDirectories(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        this.providers = new FakeProviders();
        this.postgresPort = freePort();
    }

    /** The suite, started on first use and stopped when the test JVM exits. */
    public static synchronized Suite get() {
        if (failedToStart != null) {
            throw new IllegalStateException("the suite failed to start earlier in this JVM", failedToStart);
        }
        if (running == null) {
            try {
                Suite suite = new Suite(findRepo());
                Runtime.getRuntime().addShutdownHook(new Thread(suite::stop, "suite-stop"));
                suite.start();
                running = suite;
            } catch (IOException e) {
                failedToStart = new UncheckedIOException(e);
                throw failedToStart;
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return running;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + services.get(service).port();
    }

    public String gateway() {
        return url("hq-gateway");
    }

    /** A service's own answer, asked directly with the internal token (what HQ must agree with). */
    public JsonNode backend(String service, String path) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url(service) + path))
                            .header("X-HQ-Internal-Token", INTERNAL_TOKEN).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError(service + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return Operator.parse(answer.body());
        } catch (IOException e) {
            throw new AssertionError(service + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A POST to a service with the internal token, as another of our services would send it. */
    public JsonNode backendPost(String service, String path, String json) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url(service) + path))
                            .header("X-HQ-Internal-Token", INTERNAL_TOKEN).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new AssertionError(service + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return Operator.parse(answer.body());
        } catch (IOException e) {
            throw new AssertionError(service + " did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** {@code kill -9} of one service; {@link #startAgain} brings it back on the same port and settings. */
    public void kill(String service) {
        services.get(service).kill();
    }

    /** Starts a killed service again, as {@code ./hq up} would, and waits until it is ready. */
    public void startAgain(String service) {
        ServiceProcess s = services.get(service);
        s.startAgain();
        s.awaitReady(READY_TIMEOUT);
    }

    /**
     * Starts a killed service again with some settings replaced for this start only (a later
     * {@link #startAgain} uses the original ones), and waits until it is ready: e.g. soma pointed
     * at a test's own IMAP server.
     */
    public void startAgainWith(String service, Map<String, String> overrides) {
        ServiceProcess s = services.get(service);
        s.startAgainWith(overrides);
        s.awaitReady(READY_TIMEOUT);
    }

    /**
     * {@code kill -9} of PostgreSQL itself (the postmaster named in its data directory's
     * {@code postmaster.pid}) and of the launcher that started it: what a crashed database server
     * looks like to the services.
     */
    public void killPostgres() {
        long postmaster = postmasterPid();
        ProcessHandle.of(postmaster).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        });
        postgres.kill();
    }

    /** PostgreSQL started again on the same port and data directory (crash recovery runs then). */
    public void startPostgresAgain() {
        // the log is appended to: wait for a new "ready" line, not the first start's
        int seen = postgres.occurrences("local PostgreSQL ready");
        postgres.startAgain();
        postgres.awaitLogLineAgain("local PostgreSQL ready", seen, READY_TIMEOUT);
    }

    /** A superuser JDBC URL of the suite's PostgreSQL (user postgres, loopback only). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + LocalPostgres.DATABASE;
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(root.resolve("pg/postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's postmaster.pid", e);
        }
    }

    private void start() throws IOException {
        writeSecrets();
        providers.start();
        writeConfig();
        startPostgres();
        for (String name : List.of("hq-gateway", "llm-router-service", "doctor-service", "notify-service",
                "soma-sync-service", "runner-service")) {
            services.put(name, new ServiceProcess(name, freePort(), logs.resolve(name + ".log")));
        }
        for (ServiceProcess s : services.values()) {
            Path jar = repo.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
            }
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(JVM_FLAGS);
            command.add("-jar");
            command.add(jar.toString());
            s.start(command, environment(s.name()));
        }
        for (ServiceProcess s : services.values()) {
            s.awaitReady(READY_TIMEOUT);
        }
    }

    private void startPostgres() throws IOException {
        postgres = new ServiceProcess("postgres", postgresPort, logs.resolve("postgres.log"));
        List<String> command = List.of(javaExecutable(), "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), LocalPostgres.class.getName(), String.valueOf(postgresPort),
                root.resolve("pg").toString(), secrets.toString(), "gateway,llm_router,doctor,notify,soma_sync,runner");
        postgres.start(command, Map.of());
        postgres.awaitLogLine("local PostgreSQL ready", READY_TIMEOUT);
    }

    /** What ./hq's service_env gives each service, plus the provider edges pointed at the fakes. */
    private Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", String.valueOf(services.get(service).port()));
        env.put("DB_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + LocalPostgres.DATABASE);
        env.put("DB_USER", role(service));
        env.put("OPENCLAW_SECRETS_DIR", secrets.toString());
        env.put("OPENCLAW_CONFIG_DIR", config.toString());
        env.put("OPENCLAW_ARTIFACTS_ROOT", artifacts.toString());
        switch (service) {
            case "hq-gateway" -> {
                env.put("DOCTOR_URL", url("doctor-service"));
                env.put("LLM_ROUTER_URL", url("llm-router-service"));
                env.put("NOTIFY_URL", url("notify-service"));
                env.put("SOMA_URL", url("soma-sync-service"));
                env.put("RUNNER_URL", url("runner-service"));
                // inbound SMS commands: Twilio's message list polled every second, from the fake
                env.put("GATEWAY_SMS_INBOUND_POLL_TWILIO_URL", providers.url() + "/twilio");
                env.put("GATEWAY_SMS_INBOUND_POLL_INTERVAL", "PT1S");
            }
            case "doctor-service" -> {
                env.put("DOCTOR_HOST_MODE", "local");
                env.put("NOTIFY_URL", url("notify-service"));
                env.put("DOCTOR_READY_HQ_GATEWAY", url("hq-gateway") + "/q/health/ready");
                env.put("DOCTOR_READY_LLM_ROUTER", url("llm-router-service") + "/q/health/ready");
                env.put("DOCTOR_READY_NOTIFY", url("notify-service") + "/q/health/ready");
                env.put("DOCTOR_READY_SOMA", url("soma-sync-service") + "/q/health/ready");
                env.put("DOCTOR_READY_RUNNER", url("runner-service") + "/q/health/ready");
                env.put("DOCTOR_API_HEALTHZ_URL", url("hq-gateway") + "/q/health/live");
                env.put("DOCTOR_CONSOLE_PORT", String.valueOf(services.get("hq-gateway").port()));
            }
            case "notify-service" -> {
                env.put("QUARKUS_REST_CLIENT_PUSHOVER_URL", providers.url() + "/pushover");
                env.put("NOTIFY_TWILIO_API_BASE_URL", providers.url() + "/twilio");
            }
            case "soma-sync-service" -> {
                env.put("NOTIFY_URL", url("notify-service"));
                if (Boolean.getBoolean("suite.canaries")) {
                    // with a value in every slot soma may try Kajabi and Gmail: keep it on loopback (the fake
                    // answers 599 to what it does not play; port 1 refuses)
                    env.put("SOMA_KAJABI_BASE_URL", providers.url());
                    env.put("SOMA_GMAIL_HOST", "127.0.0.1");
                    env.put("SOMA_GMAIL_PORT", "1");
                }
            }
            case "runner-service" -> {
                env.put("NOTIFY_URL", url("notify-service"));
                env.put("RUNNER_WORK_DIR", root.resolve("runner-work").toString());
                env.put("LLM_ROUTER_URL", url("llm-router-service"));
            }
            default -> {
            }
        }
        return env;
    }

    static String role(String service) {
        return switch (service) {
            case "hq-gateway" -> "gateway";
            case "llm-router-service" -> "llm_router";
            case "doctor-service" -> "doctor";
            case "notify-service" -> "notify";
            case "soma-sync-service" -> "soma_sync";
            case "runner-service" -> "runner";
            default -> throw new IllegalArgumentException(service);
        };
    }

    private void writeSecrets() throws IOException {
        secret("hq_internal_token", INTERNAL_TOKEN);
        secret("openclaw_console_token", CONSOLE_TOKEN);
        secret("openai_api_key", OPENAI_KEY);
        secret("mistral_api_key", MISTRAL_KEY);
        secret("pushover_token", "e2e-pushover-app-token-a1b2c3d4e5");
        secret("pushover_user", "e2e-pushover-user-key-f6a7b8c9d0");
        secret("twilio_account_sid", "AC00000000000000000000000000e2e001");
        secret("twilio_auth_token", "e2e-twilio-auth-token-0a1b2c3d4e5f");
        secret("twilio_from_number", "+15550100999");
        // notify texts every allowlisted number: a suite that counts deliveries per alert keeps one (suite.sms.secondPhone=false)
        boolean secondPhone = Boolean.parseBoolean(System.getProperty("suite.sms.secondPhone", "true"));
        secret("sms_allowlist", secondPhone ? OPERATOR_PHONE + "," + SECOND_PHONE : OPERATOR_PHONE);
        if (Boolean.getBoolean("suite.canaries")) {
            // the slots the suite leaves empty get the test kit's canaries too, so a leak scan covers every slot
            for (Map.Entry<String, String> canary : io.openclaw.hq.testing.CanarySecrets.ALL.entrySet()) {
                if (!Files.exists(secrets.resolve(canary.getKey()))) {
                    secret(canary.getKey(), canary.getValue());
                }
            }
        }
    }

    private void secret(String name, String value) throws IOException {
        Path file = secrets.resolve(name);
        Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** The repository's config/, with the LLM providers' bases pointed at the fakes. */
    private void writeConfig() throws IOException {
        Files.createDirectories(config);
        try (Stream<Path> files = Files.list(repo.resolve("config"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, config.resolve(file.getFileName()));
            }
        }
        Path llm = config.resolve("llm.json");
        String text = Files.readString(llm)
                .replace("https://api.openai.com/v1", providers.url() + "/openai/v1")
                .replace("https://api.mistral.ai/v1", providers.url() + "/mistral/v1")
                .replace("https://api.moonshot.ai/v1", providers.url() + "/moonshot/v1");
        String timeout = System.getProperty("suite.llm.timeoutSeconds");
        if (timeout != null) {
            // a fault test waits out a provider timeout; the shipped 60 s would make it a minute long
            text = text.replaceAll("\"timeoutSeconds\":\\s*\\d+", "\"timeoutSeconds\": " + Integer.parseInt(timeout));
        }
        Files.writeString(llm, text);
        Path soma = config.resolve("soma.json");
        String somaText = Files.readString(soma);
        String kajabiTimeout = System.getProperty("suite.soma.kajabiTimeoutSeconds");
        if (kajabiTimeout != null) {
            // a Kajabi timeout case waits this long, not the shipped 30 s
            somaText = somaText.replaceAll("\"requestTimeoutSeconds\":\\s*\\d+",
                    "\"requestTimeoutSeconds\": " + Integer.parseInt(kajabiTimeout));
        }
        if (Boolean.getBoolean("suite.soma.gmailPlain")) {
            // a local IMAP server (GreenMail) speaks plain IMAP; Gmail's store forces TLS
            somaText = somaText.replaceAll("\"ssl\":\\s*true", "\"ssl\": false");
        }
        Files.writeString(soma, somaText);
    }

    private synchronized void stop() {
        for (ServiceProcess s : services.values()) {
            s.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        providers.stop();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path findRepo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("hq"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("the repository root (with ./hq) is not above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
