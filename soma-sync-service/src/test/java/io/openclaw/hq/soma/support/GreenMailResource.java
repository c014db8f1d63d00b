package io.openclaw.hq.soma.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * GreenMail as the mailbox: plain IMAP on a free loopback port, one user whose login is the
 * canary Gmail address and app password. GreenMail has no X-GM-EXT-1, so the service takes its
 * plain IMAP path here (the Gmail search is proven by GmailRawSearchTest).
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    public static synchronized GreenMail server() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
            greenMail.start();
            greenMail.setUser(SomaCanaries.GMAIL_USER, SomaCanaries.GMAIL_USER, SomaCanaries.GMAIL_APP_PASSWORD);
        }
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        int port = server().getImap().getPort();
        return Map.of("soma.overrides.gmail-host", "127.0.0.1", "soma.overrides.gmail-port", Integer.toString(port));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }
}
