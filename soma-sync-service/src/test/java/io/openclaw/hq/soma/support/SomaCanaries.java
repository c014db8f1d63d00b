package io.openclaw.hq.soma.support;

import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.TestSecretsResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Soma secrets that services/testing's CanarySecrets does not plant yet (the Kajabi OAuth
 * client and the Gmail address), planted beside the others, and a scan for all of them.
 */
public final class SomaCanaries {

    public static final String KAJABI_CLIENT_ID = "kjclient-CANARY-3f9a1c77e2d4b8a6";
    public static final String KAJABI_CLIENT_SECRET = "kjsecret-CANARY-9b2e7d41c6a8f035e1d2";
    public static final String GMAIL_USER = "canary.owner.7c1d@example.org";
    public static final String GMAIL_APP_PASSWORD = CanarySecrets.value("gmail_app_password");
    public static final Map<String, String> EXTRA = new LinkedHashMap<>();

    static {
        EXTRA.put("kajabi_client_id", KAJABI_CLIENT_ID);
        EXTRA.put("kajabi_client_secret", KAJABI_CLIENT_SECRET);
        EXTRA.put("gmail_user", GMAIL_USER);
    }

    private SomaCanaries() {
    }

    public static synchronized void plant() {
        try {
            for (Map.Entry<String, String> e : EXTRA.entrySet()) {
                Files.writeString(TestSecretsResource.secretsDir().resolve(e.getKey()), e.getValue() + "\n",
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> leaksIn(String text) {
        List<String> leaks = new ArrayList<>(CanarySecrets.leaksIn(text));
        EXTRA.forEach((name, value) -> {
            if (text != null && text.contains(value)) {
                leaks.add(name);
            }
        });
        return leaks;
    }
}
