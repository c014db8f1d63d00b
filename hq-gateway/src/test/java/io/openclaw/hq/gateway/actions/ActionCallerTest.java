package io.openclaw.hq.gateway.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.gateway.auth.Principal;
import io.openclaw.hq.platform.runs.Caller;
import io.openclaw.hq.platform.runs.RunTrigger;
import org.junit.jupiter.api.Test;

class ActionCallerTest {

    @Test
    void theBelievedTailscaleLoginIsTheActor() {
        Principal p = new Principal(Principal.Kind.SESSION, "sha256:1a2b3c4d", "alice@example.com", "100.64.0.9", "csrf");
        assertThat(ActionCaller.of(p, RunTrigger.WEB)).isEqualTo(new Caller(RunTrigger.WEB, "alice@example.com"));
    }

    @Test
    void withoutALoginTheTokenFingerprintIs() {
        Principal p = new Principal(Principal.Kind.TOKEN, "sha256:1a2b3c4d", null, "127.0.0.1", null);
        assertThat(ActionCaller.of(p, RunTrigger.API)).isEqualTo(new Caller(RunTrigger.API, "sha256:1a2b3c4d"));
        assertThat(ActionCaller.of(p, RunTrigger.SMS).trigger().wire()).isEqualTo("sms");
    }

    @Test
    void aLoginTheHeaderCannotCarryFallsBackToTheFingerprintUnaltered() {
        Principal p = new Principal(Principal.Kind.SESSION, "sha256:1a2b3c4d", "Ålice Smith <a@b>", "127.0.0.1", "csrf");
        assertThat(ActionCaller.of(p, RunTrigger.WEB).actor()).isEqualTo("sha256:1a2b3c4d");
    }
}
