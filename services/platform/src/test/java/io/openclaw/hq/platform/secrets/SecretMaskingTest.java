package io.openclaw.hq.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "sk-proj-abcdefghijklmnop1234, sk-proj-…1234",
            "sk-abcdefghijklmnopqrst9876, sk-…9876",
            "ACabcdef0123456789abcdef01234567, …4567",
            "plainsecretvalue42, …ue42",
            "shortone, …",
            "elevenchars, …",
    })
    void masksKeepAtMostAVendorPrefixAndTheLastFour(String value, String expected) {
        String masked = SecretMasking.mask(value);
        assertThat(masked).isEqualTo(expected);
        String suffix = masked.substring(masked.indexOf('…') + 1);
        assertThat(suffix.length()).as("characters after the ellipsis").isLessThanOrEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({"sk-sk, sk", "sk-ab-cd, sk-ab"})
    void aPrefixIsNeverShownWhenItWouldBeMostOfTheValue(String value, String ignored) {
        assertThat(SecretMasking.mask(value)).isEqualTo("…");
    }

    @org.junit.jupiter.api.Test
    void fingerprintIsStableShortAndNotTheValue() {
        String a = SecretMasking.fingerprint("sk-proj-abcdefghijklmnop1234");
        assertThat(a).startsWith("sha256:").hasSize(7 + 16)
                .isEqualTo(SecretMasking.fingerprint("sk-proj-abcdefghijklmnop1234"))
                .isNotEqualTo(SecretMasking.fingerprint("sk-proj-abcdefghijklmnop1235"));
    }

    @org.junit.jupiter.api.Test
    void redactorReplacesEveryOccurrenceLongestFirst() {
        Redactor.register("innersecret123");
        Redactor.register("outer-innersecret123-wrapper");
        String text = "a=outer-innersecret123-wrapper b=innersecret123";
        String redacted = Redactor.redact(text);
        assertThat(redacted).doesNotContain("innersecret123")
                .isEqualTo("a=" + SecretMasking.mask("outer-innersecret123-wrapper") + " b=" + SecretMasking.mask("innersecret123"));
    }

    @org.junit.jupiter.api.Test
    void constantTimeMatchAcceptsOnlyTheExactValue() {
        Secret secret = new Secret("HQ_INTERNAL_TOKEN", "token-value-123456", Secret.Source.FILE);
        assertThat(secret.matches("token-value-123456")).isTrue();
        assertThat(secret.matches("token-value-12345")).isFalse();
        assertThat(secret.matches(null)).isFalse();
        assertThat(secret.toString()).doesNotContain("token-value-123456");
    }
}
