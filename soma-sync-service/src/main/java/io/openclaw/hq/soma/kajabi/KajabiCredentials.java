package io.openclaw.hq.soma.kajabi;

/** The OAuth client of the Kajabi API, resolved from secrets for one run and never logged. */
public record KajabiCredentials(String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "KajabiCredentials[hidden]";
    }
}
