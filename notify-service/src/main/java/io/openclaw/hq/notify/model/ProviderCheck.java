package io.openclaw.hq.notify.model;

/**
 * The answer of a provider credential check ({@code POST /providers/{provider}/check}): PASS or FAIL
 * with an error class an operator can act on, and a detail we wrote ourselves. Never a credential,
 * never the provider's body (a provider may echo what it was sent).
 */
public record ProviderCheck(String provider, String result, String errorClass, String detail) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    public static ProviderCheck pass(String provider, String detail) {
        return new ProviderCheck(provider, PASS, null, detail);
    }

    public static ProviderCheck fail(String provider, String errorClass, String detail) {
        return new ProviderCheck(provider, FAIL, errorClass, detail);
    }

    /**
     * One rule for every provider's HTTP status: 0 is no answer at all. 400 counts as refused
     * credentials because Pushover answers its validation call that way for a bad token or user key.
     */
    public static ProviderCheck fromStatus(String provider, String call, int status) {
        if (status >= 200 && status < 300) {
            return pass(provider, call + " accepted the credentials (HTTP " + status + ")");
        }
        String errorClass;
        if (status == 0) {
            errorClass = "network";
        } else if (status == 400 || status == 401 || status == 403 || status == 404) {
            errorClass = "auth_failed";
        } else if (status == 429) {
            errorClass = "rate_limited";
        } else if (status >= 500) {
            errorClass = "provider_unavailable";
        } else {
            errorClass = "rejected";
        }
        return fail(provider, errorClass, status == 0 ? call + " did not answer"
                : call + " answered HTTP " + status);
    }
}
