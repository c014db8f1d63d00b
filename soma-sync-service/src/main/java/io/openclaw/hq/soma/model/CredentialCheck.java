package io.openclaw.hq.soma.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * POST /soma/credentials/check: PASS or FAIL with an error class an operator can act on and a
 * detail this service wrote itself; never a credential, never what the provider answered.
 */
@RegisterForReflection
public record CredentialCheck(String provider, String result, String errorClass, String detail) {

    public static CredentialCheck pass(String provider, String detail) {
        return new CredentialCheck(provider, "PASS", null, detail);
    }

    public static CredentialCheck fail(String provider, String errorClass, String detail) {
        return new CredentialCheck(provider, "FAIL", errorClass, detail);
    }
}
