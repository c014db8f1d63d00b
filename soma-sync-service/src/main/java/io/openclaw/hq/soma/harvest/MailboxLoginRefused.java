package io.openclaw.hq.soma.harvest;

import io.openclaw.hq.soma.service.SomaFailure;

/** The IMAP server answered and refused the login: the address or the app password is wrong. */
public class MailboxLoginRefused extends SomaFailure {

    public MailboxLoginRefused(String message) {
        super(message);
    }
}
