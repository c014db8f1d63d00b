package io.openclaw.hq.notify.service;

import io.openclaw.hq.platform.secrets.Secret;

/** Twilio's account SID, auth token and sending number; {@code toString()} of each is masked. */
public record TwilioCredentials(Secret accountSid, Secret authToken, Secret fromNumber) {
}
