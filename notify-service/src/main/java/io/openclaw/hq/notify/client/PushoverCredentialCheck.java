package io.openclaw.hq.notify.client;

import io.openclaw.hq.notify.model.ProviderCheck;
import io.openclaw.hq.notify.service.PushoverCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * One POST to Pushover's {@code /1/users/validate.json} with the token and user key: no message is
 * sent, no quota spent. Exactly one attempt, outside the sending client's retries and breaker, so a
 * check neither waits out a backoff nor trips the breaker that guards real alerts.
 */
@ApplicationScoped
public class PushoverCredentialCheck {

    static final String CALL = "Pushover POST /1/users/validate.json";

    private final PushoverValidationApi api;

    public PushoverCredentialCheck(@RestClient PushoverValidationApi api) {
        this.api = api;
    }

    public ProviderCheck check(PushoverCredentials credentials) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("token", credentials.token().reveal());
        form.add("user", credentials.user().reveal());
        int status;
        try (Response response = api.validate(form)) {
            status = response.getStatus();
        } catch (ProviderRejectedException e) {
            status = e.status();
        } catch (ProviderUnavailableException e) {
            status = e.status();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof ProviderRejectedException rejected) {
                status = rejected.status();
            } else if (e.getCause() instanceof ProviderUnavailableException unavailable) {
                status = unavailable.status();
            } else {
                status = 0;
            }
        }
        return ProviderCheck.fromStatus("pushover", CALL, status);
    }
}
