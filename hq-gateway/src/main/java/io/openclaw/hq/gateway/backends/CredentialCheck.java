package io.openclaw.hq.gateway.backends;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A provider credential check as notify-service ({@code POST /providers/{provider}/check}) and
 * soma-sync-service ({@code POST /soma/credentials/check}) answer it: PASS or FAIL, an error class,
 * a detail the service wrote; never a credential ({@code contracts/notify-service/provider-check.json},
 * {@code contracts/soma-sync-service/credential-check.json}).
 */
@RegisterForReflection
public record CredentialCheck(String provider, String result, String errorClass, String detail) {
}
