package io.openclaw.hq.soma.service;

import io.openclaw.hq.platform.config.ConfigInvalidException;
import io.openclaw.hq.platform.secrets.SecretResolver;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.config.SomaSettings;
import io.openclaw.hq.soma.harvest.MailboxLoginRefused;
import io.openclaw.hq.soma.harvest.MailboxReader;
import io.openclaw.hq.soma.kajabi.KajabiClient;
import io.openclaw.hq.soma.kajabi.KajabiException;
import io.openclaw.hq.soma.kajabi.Pause;
import io.openclaw.hq.soma.model.CredentialCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code ./hq secrets doctor} for Soma's credentials, through the code the runs use: Kajabi's
 * client-credentials token request (one, no retry) and an IMAP login followed by logout (no folder
 * opened, no message read). Secrets are resolved afresh, so a rotation shows at once; a missing one
 * fails without any call. Runs no workflow and takes no lock: a check may overlap a run.
 */
@ApplicationScoped
public class CredentialChecks {

    public static final List<String> PROVIDERS = List.of("kajabi", "gmail");
    /** An IMAP login should take seconds; the harvest's own timeout is for whole mailboxes. */
    static final int GMAIL_CHECK_TIMEOUT_SECONDS = 15;
    private static final Logger LOG = Logger.getLogger(CredentialChecks.class);

    private final SomaSecrets secrets;
    private final SecretResolver resolver;
    private final SomaSettings settings;

    public CredentialChecks(SomaSecrets secrets, SecretResolver resolver, SomaSettings settings) {
        this.secrets = secrets;
        this.resolver = resolver;
        this.settings = settings;
    }

    /** Empty for a provider this service does not check. */
    public Optional<CredentialCheck> check(String provider) throws InterruptedException {
        CredentialCheck result = switch (provider) {
            case "kajabi" -> kajabi();
            case "gmail" -> gmail();
            default -> null;
        };
        if (result != null) {
            LOG.infof("credential check %s: %s%s", provider, result.result(),
                    result.errorClass() == null ? "" : " " + result.errorClass());
        }
        return Optional.ofNullable(result);
    }

    private CredentialCheck kajabi() throws InterruptedException {
        Optional<CredentialCheck> missing = missing("kajabi", SomaSecrets.KAJABI_CLIENT_ID, SomaSecrets.KAJABI_CLIENT_SECRET);
        if (missing.isPresent()) {
            return missing.get();
        }
        SomaFile.Kajabi kajabi;
        try {
            kajabi = settings.current().kajabi();
        } catch (ConfigInvalidException e) {
            return CredentialCheck.fail("kajabi", "config_invalid", "config/soma.json is invalid; Kajabi not called");
        }
        KajabiClient client = new KajabiClient(KajabiClient.newHttpClient(kajabi), kajabi, secrets.kajabi(), Pause.SLEEP,
                Clock.systemUTC(), line -> { });
        String call = "Kajabi POST " + kajabi.tokenPath() + " (client credentials)";
        try {
            client.requestTokenOnce();
            return CredentialCheck.pass("kajabi", call + " issued a token");
        } catch (KajabiException e) {
            int status = e.status();
            return switch (status) {
                case KajabiException.NO_ANSWER -> CredentialCheck.fail("kajabi", "network", call + " did not answer");
                case KajabiException.NO_STATUS -> CredentialCheck.fail("kajabi", "provider_error",
                        call + " answered 200 without a usable token");
                case 400, 401, 403 -> CredentialCheck.fail("kajabi", "auth_failed", call + " answered HTTP " + status);
                case 429 -> CredentialCheck.fail("kajabi", "rate_limited", call + " answered HTTP 429");
                default -> CredentialCheck.fail("kajabi", status >= 500 ? "provider_unavailable" : "rejected",
                        call + " answered HTTP " + status);
            };
        }
    }

    private CredentialCheck gmail() {
        Optional<CredentialCheck> missing = missing("gmail", SomaSecrets.GMAIL_USER, SomaSecrets.GMAIL_APP_PASSWORD);
        if (missing.isPresent()) {
            return missing.get();
        }
        SomaFile.Gmail gmail;
        try {
            SomaFile.Gmail configured = settings.current().gmail();
            gmail = new SomaFile.Gmail(configured.host(), configured.port(), configured.ssl(), configured.folder(),
                    configured.query(), Math.min(configured.timeoutOrDefault(), GMAIL_CHECK_TIMEOUT_SECONDS),
                    configured.maxAttachmentMegabytes());
        } catch (ConfigInvalidException e) {
            return CredentialCheck.fail("gmail", "config_invalid", "config/soma.json is invalid; the IMAP server not called");
        }
        String call = "IMAP login at " + gmail.host() + ":" + gmail.port();
        try (MailboxReader session = MailboxReader.connect(gmail, secrets.gmail())) {
            return CredentialCheck.pass("gmail", call + " accepted (then logged out)");
        } catch (MailboxLoginRefused e) {
            return CredentialCheck.fail("gmail", "auth_failed", call + " refused the address or the app password");
        } catch (SomaFailure e) {
            return CredentialCheck.fail("gmail", "network", call + " failed before a login: the server did not answer");
        }
    }

    private Optional<CredentialCheck> missing(String provider, String... names) {
        List<String> absent = java.util.Arrays.stream(names).filter(n -> resolver.resolve(n).isEmpty())
                .map(n -> n.toUpperCase(Locale.ROOT)).toList();
        return absent.isEmpty() ? Optional.empty() : Optional.of(CredentialCheck.fail(provider, "missing_secret",
                String.join(", ", absent) + " not set; " + provider + " not called"));
    }
}
