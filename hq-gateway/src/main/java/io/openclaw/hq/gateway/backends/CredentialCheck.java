package io.openclaw.hq.gateway.backends;

/**
 * A provider credential check as notify-service ({@code POST /providers/{provider}/check}) and
 * soma-sync-service ({@code POST /soma/credentials/check}) answer it: PASS or FAIL, an error class,
 * a detail the service wrote; never a credential ({@code contracts/<service>/credential-check-*.json}).
 */
public record CredentialCheck(String provider, String result, String errorClass, String detail) {
}
