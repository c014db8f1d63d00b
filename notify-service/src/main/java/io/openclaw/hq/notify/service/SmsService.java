package io.openclaw.hq.notify.service;

import io.openclaw.hq.platform.sms.SmsAllowlist;

import io.openclaw.hq.notify.model.NotificationKind;
import io.openclaw.hq.notify.model.Severity;
import io.openclaw.hq.notify.model.SmsRequest;
import io.openclaw.hq.notify.model.SmsResult;
import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code POST /messages/sms}: one SMS to one number, and only to a number on SMS_ALLOWLIST. Without
 * an allowlist no number is allowed: fail closed.
 */
@ApplicationScoped
public class SmsService {

    private final ChannelCredentials credentials;
    private final NotificationRuns runs;

    public SmsService(ChannelCredentials credentials, NotificationRuns runs) {
        this.credentials = credentials;
        this.runs = runs;
    }

    public SmsResult send(SmsRequest request, String actor) {
        RequestValidation.check(request);
        ChannelCredentials.Lookup<SmsAllowlist> allowlist = credentials.allowlist();
        if (allowlist.credentials().isEmpty()) {
            throw ProblemException.forbidden("SMS_ALLOWLIST is not configured or not valid: no number may receive SMS");
        }
        if (!allowlist.credentials().get().allows(request.to())) {
            throw ProblemException.forbidden("number " + SmsAllowlist.mask(request.to()) + " is not on SMS_ALLOWLIST");
        }
        Notification n = new Notification(NotificationKind.MESSAGE, null, Severity.INFO, "message", request.body(), "api");
        NotificationRuns.Outcome outcome = runs.deliverSms(n, request.to(), actor);
        return new SmsResult(outcome.runId(), outcome.channels().get(0));
    }
}
