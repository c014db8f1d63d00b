package io.openclaw.hq.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.deploy.Dockerfile.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images cannot be built on these machines (no Docker engine), so their promises are checked
 * by reading: a Mandrel builder stage, a minimal final stage, a non-root final user, the
 * healthcheck client the compose healthcheck calls, and pinned base images.
 */
class DockerfileInvariantsTest {

    private static final String HEALTHCHECK_BINARY = "/usr/local/bin/hq-healthcheck";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hq-gateway", "llm-router-service", "doctor-service", "notify-service",
            "soma-sync-service", "runner-service"})
    void nativeImageBuildsWithMandrelAndRunsMicroAndNonRoot(String module) {
        Dockerfile dockerfile = Dockerfile.parse(dockerfilePath(module, "Dockerfile.native"));
        List<Stage> stages = dockerfile.stages();
        assertThat(stages).as(module + " stages").hasSizeGreaterThanOrEqualTo(2);

        Stage builder = stages.get(0);
        assertThat(builder.name()).as(module + " first stage is the builder").isEqualTo("builder");
        assertThat(builder.image()).as(module + " builder image").contains("mandrel-builder-image");
        assertThat(String.join("\n", builder.all("RUN"))).as(module + " native build")
                .contains("./mvnw").contains("-Pnative").contains("-pl " + module + " -am")
                .contains(module + "/target/*-runner")
                .contains("deploy/docker/healthcheck.c");

        Stage runtime = dockerfile.finalStage();
        assertThat(runtime.image()).as(module + " runtime image").startsWith("quay.io/quarkus/ubi9-quarkus-micro-image:");
        assertNonRoot(module, runtime.lastUser());
        assertThat(runtime.all("RUN")).as(module + ": the final stage installs nothing").isEmpty();
        // the runner-service also gets an empty /runner-work of its own (its mirrors and worktrees) and,
        // first, the root its jobs' tools were installed into by its "tools" stage (git, bash, setsid...)
        boolean runner = module.equals("runner-service");
        assertThat(runtime.all("COPY")).as(module + ": only the runner, the healthcheck client and an empty /artifacts")
                .hasSize(runner ? 5 : 3)
                .allMatch(copy -> copy.contains("--from=builder") || runner && copy.equals("--from=tools --chown=0:0 /tools-root/ /"))
                .anyMatch(copy -> copy.endsWith("/build/application /work/application"))
                .anyMatch(copy -> copy.endsWith("/build/hq-healthcheck " + HEALTHCHECK_BINARY))
                .anyMatch(copy -> copy.endsWith("/build/artifacts /artifacts"));
        assertThat(runtime.all("ENTRYPOINT")).containsExactly("[\"/work/application\"]");
        assertHealthcheck(module, runtime);
        assertPinned(module, dockerfile);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hq-gateway", "llm-router-service", "doctor-service", "notify-service",
            "soma-sync-service", "runner-service"})
    void jvmImageRunsTheFastJarOnAJreAsNonRoot(String module) {
        Dockerfile dockerfile = Dockerfile.parse(dockerfilePath(module, "Dockerfile.jvm"));
        Stage runtime = dockerfile.finalStage();
        assertThat(runtime.image()).as(module + " runtime image").startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:");
        assertNonRoot(module, runtime.lastUser());
        assertThat(String.join("\n", runtime.all("COPY"))).as(module + " fast-jar layout")
                .contains(module + "/target/quarkus-app/lib/ /deployments/lib/")
                .contains(module + "/target/quarkus-app/app/ /deployments/app/")
                .contains(module + "/target/quarkus-app/quarkus/ /deployments/quarkus/")
                .contains(HEALTHCHECK_BINARY);
        assertThat(String.join("\n", runtime.all("ENV"))).as(module + " JVM sized for a small VPS")
                .contains("-XX:+UseSerialGC").containsPattern("-Xmx\\d+m").contains("-XX:MaxMetaspaceSize=");
        assertThat(runtime.all("ENTRYPOINT")).containsExactly("[\"java\", \"-jar\", \"/deployments/quarkus-run.jar\"]");
        assertThat(dockerfile.stages()).as(module + " builds with ./mvnw in a builder stage")
                .anyMatch(stage -> "builder".equals(stage.name())
                        && String.join("\n", stage.all("RUN")).contains("-pl " + module + " -am package"));
        assertHealthcheck(module, runtime);
        assertPinned(module, dockerfile);
    }

    /**
     * Debian's engine and docker-compose v1 build with the classic builder (and CI proves the JVM
     * images with it, deploy/test/compose-smoke.sh): no syntax line (BuildKit would pull a
     * frontend), no RUN --mount, no COPY --chmod; and every base image a build argument, so the
     * smoke test can substitute local bases while the defaults stay the production ones.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDockerfile")
    void buildsWithTheClassicBuilderFromSubstitutableBases(String path) throws Exception {
        List<String> lines = Files.readAllLines(RepositoryRoot.resolve(path));
        assertThat(lines).as(path + ": a syntax directive makes BuildKit pull a frontend")
                .noneMatch(line -> line.matches("(?i)#\\s*syntax\\s*=.*"));
        for (String line : lines) {
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            assertThat(line).as(path + ": BuildKit-only flag").doesNotContain("--mount=").doesNotContain("--chmod");
        }
        List<String> froms = lines.stream().map(String::strip).filter(line -> line.matches("(?i)FROM\\s.*")).toList();
        assertThat(froms).as(path + " FROM lines").isNotEmpty()
                .allMatch(from -> from.matches("(?i)FROM\\s+\\$\\{[A-Z_]+}(\\s+AS\\s+\\S+)?"), "take their image from a build ARG");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hq-gateway", "llm-router-service", "doctor-service", "notify-service",
            "soma-sync-service", "runner-service"})
    void theJvmImageBuildsItsJarsUnlessToldTheyArePrebuilt(String module) {
        Dockerfile dockerfile = Dockerfile.parse(dockerfilePath(module, "Dockerfile.jvm"));
        Stage builder = dockerfile.stages().stream().filter(stage -> "builder".equals(stage.name())).findFirst().orElseThrow();
        assertThat(builder.all("ARG")).as(module + ": Maven builds the jars by default").contains("APP_SOURCE=maven");
        assertThat(String.join("\n", builder.all("RUN"))).as(module + " builder")
                .contains("maven)").contains("prebuilt)").contains("test -s " + module + "/target/quarkus-app/quarkus-run.jar");
    }

    static Stream<String> everyDockerfile() {
        return Stream.of("hq-gateway", "llm-router-service", "doctor-service", "notify-service", "soma-sync-service",
                "runner-service").flatMap(module -> Stream.of(module + "/src/main/docker/Dockerfile.jvm",
                        module + "/src/main/docker/Dockerfile.native"));
    }

    @Test
    void theHealthcheckClientSourceTheImagesCompileExists() {
        assertThat(RepositoryRoot.resolve("deploy/docker/healthcheck.c")).isRegularFile();
    }

    @Test
    void theBuildContextKeepsOutLocalStateAndSecrets() throws Exception {
        List<String> ignored = Files.readAllLines(RepositoryRoot.resolve(".dockerignore"));
        assertThat(ignored).contains(".git", ".hq", "**/target", ".env");
        assertThat(ignored).as("the sources the builds need stay in the context")
                .doesNotContain("services", "config", "deploy", "mvnw", ".mvn", "pom.xml");
    }

    private static Path dockerfilePath(String module, String name) {
        Path path = RepositoryRoot.resolve(module + "/src/main/docker/" + name);
        assertThat(path).as(module + " " + name).isRegularFile();
        return path;
    }

    private static void assertNonRoot(String module, String user) {
        assertThat(user).as(module + " final USER").isNotBlank();
        String uid = user.split(":")[0];
        assertThat(uid).as(module + " final USER").isNotIn("0", "root");
    }

    private static void assertHealthcheck(String module, Stage runtime) {
        assertThat(String.join("\n", runtime.all("HEALTHCHECK"))).as(module + " HEALTHCHECK")
                .contains(HEALTHCHECK_BINARY).contains("/q/health/ready");
    }

    private static void assertPinned(String module, Dockerfile dockerfile) {
        for (Stage stage : dockerfile.stages()) {
            assertThat(stage.image()).as(module + " base image " + stage.image() + " has a tag")
                    .matches("[^:$]+:[\\w.-]+").doesNotEndWith(":latest");
        }
    }
}
