package io.openclaw.hq.soma.service;

import io.openclaw.hq.platform.secrets.Secret;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.platform.secrets.SecretStatus;
import io.openclaw.hq.soma.kajabi.KajabiCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The credentials Soma uses, resolved per run (a rotation takes effect at the next run), never shown. */
@ApplicationScoped
public class SomaSecrets {

    public static final String KAJABI_CLIENT_ID = "kajabi_client_id";
    public static final String KAJABI_CLIENT_SECRET = "kajabi_client_secret";
    /** The Kajabi admin session cookie the browser fallback signs in with. */
    public static final String KAJABI_SESSION_TOKEN = "kajabi_session_token";
    public static final String GMAIL_USER = "gmail_user";
    public static final String GMAIL_APP_PASSWORD = "gmail_app_password";
    public static final List<String> ALL = List.of(KAJABI_CLIENT_ID, KAJABI_CLIENT_SECRET, GMAIL_USER, GMAIL_APP_PASSWORD,
            KAJABI_SESSION_TOKEN);

    /** Gmail's address and app password, for one IMAP login. */
    public record GmailLogin(String user, String password) {

        @Override
        public String toString() {
            return "GmailLogin[hidden]";
        }
    }

    private final SecretResolver secrets;

    public SomaSecrets(SecretResolver secrets) {
        this.secrets = secrets;
    }

    public KajabiCredentials kajabi() {
        return new KajabiCredentials(require(KAJABI_CLIENT_ID), require(KAJABI_CLIENT_SECRET));
    }

    /** The stored admin session, only ever handed to the browser as a cookie. */
    public String kajabiSession() {
        return require(KAJABI_SESSION_TOKEN);
    }

    public GmailLogin gmail() {
        return new GmailLogin(require(GMAIL_USER), require(GMAIL_APP_PASSWORD));
    }

    /** A fingerprint of the Gmail account, to key harvest state without storing the address. */
    public String gmailAccountFingerprint() {
        return secrets.resolve(GMAIL_USER).map(Secret::fingerprint).orElse("none");
    }

    public List<SecretStatus> status() {
        return List.copyOf(secrets.status(ALL).values());
    }

    private String require(String name) {
        return secrets.resolve(name).map(Secret::reveal).orElseThrow(() -> new SomaFailure("the secret " + name
                + " is not set (environment variable " + name.toUpperCase(java.util.Locale.ROOT) + " or file " + name
                + " in the secrets directory); see docs/soma-sync-service.md"));
    }
}
