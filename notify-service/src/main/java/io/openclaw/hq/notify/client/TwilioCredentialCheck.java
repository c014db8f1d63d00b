package io.openclaw.hq.notify.client;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.rest.Domains;
import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.model.ProviderCheck;
import io.openclaw.hq.notify.service.TwilioCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * One GET of the account resource ({@code /2010-04-01/Accounts/{sid}.json}) with the account SID and
 * auth token as basic auth: no message, no cost. Through the same transport as the SMS client (so
 * the same base URL, WireMock in tests), one attempt, outside the SMS client's retries and breaker.
 */
@ApplicationScoped
public class TwilioCredentialCheck {

    static final String CALL = "Twilio GET /2010-04-01/Accounts/{sid}.json";
    /** A SID goes into the URL path: letters and digits only, so it cannot change the request. */
    static final Pattern SID = Pattern.compile("[A-Za-z0-9]{2,64}");

    private final TwilioHttpTransport transport;

    public TwilioCredentialCheck(NotifyConfig config) {
        NotifyConfig.Twilio twilio = config.twilio();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(twilio.connectTimeout())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.transport = new TwilioHttpTransport(http, twilio.apiBaseUrl(), twilio.requestTimeout());
    }

    public ProviderCheck check(TwilioCredentials credentials) {
        String sid = credentials.accountSid().reveal();
        if (!SID.matcher(sid).matches()) {
            return ProviderCheck.fail("twilio", "invalid_secret",
                    "twilio_account_sid is not a Twilio SID (letters and digits); Twilio not called");
        }
        Request request = new Request(HttpMethod.GET, Domains.API.toString(), "/2010-04-01/Accounts/" + sid + ".json");
        request.setAuth(sid, credentials.authToken().reveal());
        int status;
        try {
            status = transport.makeRequest(request).getStatusCode();
        } catch (ApiConnectionException e) {
            status = 0;
        }
        return ProviderCheck.fromStatus("twilio", CALL, status);
    }
}
