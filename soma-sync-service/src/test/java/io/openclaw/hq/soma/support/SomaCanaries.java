package io.openclaw.hq.soma.support;

import io.openclaw.hq.testing.CanarySecrets;
import java.util.List;

/**
 * The Soma secrets as services/testing's CanarySecrets plants them (TestSecretsResource), by the
 * names the tests use, and the scan for every canary.
 */
public final class SomaCanaries {

    public static final String KAJABI_CLIENT_ID = CanarySecrets.value("kajabi_client_id");
    public static final String KAJABI_CLIENT_SECRET = CanarySecrets.value("kajabi_client_secret");
    public static final String KAJABI_SESSION_TOKEN = CanarySecrets.value("kajabi_session_token");
    public static final String GMAIL_USER = CanarySecrets.value("gmail_user");
    public static final String GMAIL_APP_PASSWORD = CanarySecrets.value("gmail_app_password");

    private SomaCanaries() {
    }

    public static List<String> leaksIn(String text) {
        return CanarySecrets.leaksIn(text);
    }
}
