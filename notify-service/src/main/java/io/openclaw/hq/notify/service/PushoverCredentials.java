package io.openclaw.hq.notify.service;

import io.openclaw.hq.platform.secrets.Secret;

/** Pushover's application token and user key; {@code toString()} of each is masked. */
public record PushoverCredentials(Secret token, Secret user) {
}
