package io.openclaw.hq.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.gateway.sms.SmsInboundConfig;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

class OpenPathsTest {

    @Test
    void theSmsWebhookIsOpenOnlyWhenSwitchedOnAndOffByDefault() throws Exception {
        assertThat(OpenPaths.isOpen("POST", "/api/sms", true)).isTrue();
        assertThat(OpenPaths.isOpen("POST", "/api/sms", false)).isFalse();
        assertThat(OpenPaths.isOpen("GET", "/api/sms", true)).isFalse();
        assertThat(SmsInboundConfig.class.getMethod("webhookEnabled").getAnnotation(WithDefault.class).value())
                .isEqualTo("false");
    }

    @Test
    void healthIsOpenAtItsThreeDocumentedPathsOnly() {
        assertThat(OpenPaths.isOpen("GET", "/q/health", false)).isTrue();
        assertThat(OpenPaths.isOpen("GET", "/q/health/live", false)).isTrue();
        assertThat(OpenPaths.isOpen("GET", "/q/health/ready", false)).isTrue();
        assertThat(OpenPaths.isOpen("GET", "/q/health/started", false)).isFalse();
        assertThat(OpenPaths.isOpen("POST", "/q/health", false)).isFalse();
    }

    @Test
    void theLoginLinkAndTheCodeMintAreOpenOnlyToTheirMethods() {
        assertThat(OpenPaths.isOpen("GET", "/login/link", false)).isTrue();
        assertThat(OpenPaths.isOpen("POST", "/login/link", false)).isTrue();
        assertThat(OpenPaths.isOpen("PUT", "/login/link", false)).isFalse();
        assertThat(OpenPaths.isOpen("GET", "/login/link/", false)).isFalse();
        assertThat(OpenPaths.isOpen("POST", "/internal/login-codes", false)).isTrue();
        assertThat(OpenPaths.isOpen("GET", "/internal/login-codes", false)).isFalse();
        assertThat(OpenPaths.isOpen("POST", "/internal/login-codes/", false)).isFalse();
        assertThat(OpenPaths.isOpen("POST", "/internal/other", false)).isFalse();
    }
}
