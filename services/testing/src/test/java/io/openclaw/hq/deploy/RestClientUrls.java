package io.openclaw.hq.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL each REST client of a service module would use in a container: read from its
 * application.properties and resolved the way the %prod profile resolves it under compose.
 */
final class RestClientUrls {

    private static final Pattern CLIENT_URL_KEY = Pattern.compile("quarkus\\.rest-client\\.(\"[^\"]+\"|[\\w-]+)\\.url");
    /** ${VAR} or ${VAR:default}: the only expression form the services use for URLs. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([\\w.]+)(?::([^}]*))?}");

    private RestClientUrls() {
    }

    /** Client name to the URL it resolves to in production, given the service's compose environment. */
    static Map<String, String> inProduction(Path module, Map<String, String> composeEnvironment) {
        Properties properties = load(module.resolve("src/main/resources/application.properties"));
        Map<String, String> base = new TreeMap<>();
        Map<String, String> prod = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            boolean prodProfile = key.startsWith("%prod.");
            if (key.startsWith("%") && !prodProfile) {
                continue;
            }
            Matcher matcher = CLIENT_URL_KEY.matcher(prodProfile ? key.substring("%prod.".length()) : key);
            if (matcher.matches()) {
                (prodProfile ? prod : base).put(matcher.group(1).replace("\"", ""), properties.getProperty(key).strip());
            }
        }
        Map<String, String> result = new TreeMap<>(base);
        result.putAll(prod);
        result.replaceAll((client, value) -> {
            String override = composeEnvironment.get(environmentVariable(client));
            return override != null ? override : resolve(value, composeEnvironment);
        });
        return result;
    }

    /** The variable SmallRye Config maps onto quarkus.rest-client.<name>.url. */
    static String environmentVariable(String client) {
        return "QUARKUS_REST_CLIENT_" + client.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_URL";
    }

    private static String resolve(String value, Map<String, String> environment) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String fromEnvironment = environment.get(variable);
            String replacement = fromEnvironment != null ? fromEnvironment
                    : matcher.group(2) != null ? matcher.group(2) : "<unset " + variable + ">";
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try {
                properties.load(new StringReader(Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }
}
