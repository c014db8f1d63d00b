package io.openclaw.hq.notify.client;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.service.TwilioCredentials;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends one SMS through twilio-java. 4xx (bad number, bad credentials) is permanent whatever its
 * body; 5xx and timeouts are retried with exponential backoff. No {@code StatusCallback} is ever set.
 */
@ApplicationScoped
public class TwilioSmsClient {

    private final java.net.http.HttpClient http;
    private final NotifyConfig.Twilio twilio;

    public TwilioSmsClient(NotifyConfig config) {
        NotifyConfig.Twilio twilio = config.twilio();
        this.twilio = twilio;
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(twilio.connectTimeout())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    /** @return the message SID Twilio assigned, the provider reference kept in the delivery log */
    @Timeout(15_000)
    // an open breaker is an answer, not a failure to retry: waiting out the backoff only delays the reply
    @Retry(maxRetries = 2, delay = 500, jitter = 0, abortOn = { ProviderRejectedException.class,
            CircuitBreakerOpenException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 5_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 30_000,
            skipOn = ProviderRejectedException.class)
    @CircuitBreakerName("twilio")
    public String send(SmsMessage sms, TwilioCredentials credentials) {
        TwilioHttpTransport transport = new TwilioHttpTransport(http, twilio.apiBaseUrl(), twilio.requestTimeout());
        TwilioRestClient client = new TwilioRestClient.Builder(credentials.accountSid().reveal(),
                credentials.authToken().reveal()).httpClient(transport).build();
        try {
            Message message = Message.creator(new PhoneNumber(sms.to()),
                    new PhoneNumber(credentials.fromNumber().reveal()), sms.body()).create(client);
            return message.getSid();
        } catch (ApiConnectionException e) {
            throw ProviderErrors.noAnswer(e.getMessage());
        } catch (ApiException e) {
            throw classify(e, transport.lastStatus());
        }
    }

    /**
     * Twilio's own JSON error keeps its code and message. Any other error body (an HTML page from a
     * proxy, plain text) makes the SDK throw without a status, or as a 500 "no content"; the status
     * then comes from the answer itself, so a 4xx stays permanent (one call) whatever its body, and
     * the body, which could echo what was sent, is never kept.
     */
    static RuntimeException classify(ApiException e, int answeredStatus) {
        boolean twiliosOwn = e.getStatusCode() != null && (answeredStatus == 0 || e.getStatusCode() == answeredStatus);
        if (twiliosOwn) {
            String code = e.getCode() == null ? "" : "Twilio error " + e.getCode() + ": ";
            return ProviderErrors.classify(e.getStatusCode(), code + e.getMessage());
        }
        int status = answeredStatus > 0 ? answeredStatus : 0;
        return ProviderErrors.classify(status, "answer without Twilio's JSON error body (body not kept)");
    }
}
