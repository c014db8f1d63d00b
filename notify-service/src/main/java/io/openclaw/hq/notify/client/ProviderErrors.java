package io.openclaw.hq.notify.client;

import io.openclaw.hq.platform.secrets.Redactor;

/** The one rule for provider answers: 4xx is permanent, 5xx (and no answer) is worth a retry. */
public final class ProviderErrors {

    /** Provider error texts are kept short in the delivery log; the marker says that it was cut. */
    static final int MAX_DETAIL = 500;

    private ProviderErrors() {
    }

    public static RuntimeException classify(int status, String providerText) {
        String detail = describe(status, providerText);
        if (status >= 400 && status < 500) {
            return new ProviderRejectedException(status, detail);
        }
        return new ProviderUnavailableException(status, detail);
    }

    public static ProviderUnavailableException noAnswer(String what) {
        return new ProviderUnavailableException(0, Redactor.redact(what));
    }

    static String describe(int status, String providerText) {
        String text = providerText == null ? "" : Redactor.redact(providerText.strip());
        if (text.length() > MAX_DETAIL) {
            text = text.substring(0, MAX_DETAIL) + "…[cut]";
        }
        return "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
    }
}
