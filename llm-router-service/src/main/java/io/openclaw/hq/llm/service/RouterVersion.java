package io.openclaw.hq.llm.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the router was built from: the project version and the commit, e.g. {@code 1.0.0+3f436f9}
 * ({@code .dirty} when the tree had uncommitted changes, {@code +commit-unknown} when it was built
 * without a git directory, as inside an image build whose context leaves {@code .git} out). The
 * commit comes from {@code llm-router-build.properties}, written by the build
 * (git-commit-id-maven-plugin). Review records name it as the router's version, so a verdict can be
 * traced to the code that gave it.
 */
@ApplicationScoped
public class RouterVersion {

    static final String BUILD_PROPERTIES = "llm-router-build.properties";

    private final String value;

    public RouterVersion(@ConfigProperty(name = "quarkus.application.version") String projectVersion) {
        this.value = describe(projectVersion, buildProperties());
    }

    public String value() {
        return value;
    }

    static String describe(String projectVersion, Properties build) {
        String commit = build.getProperty("git.commit.id.abbrev", "").strip();
        if (!commit.matches("[0-9a-f]{7,40}")) {
            return projectVersion + "+commit-unknown";
        }
        return projectVersion + "+" + commit + ("true".equals(build.getProperty("git.dirty")) ? ".dirty" : "");
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = RouterVersion.class.getClassLoader().getResourceAsStream(BUILD_PROPERTIES)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILD_PROPERTIES, e);
        }
        return properties;
    }
}
