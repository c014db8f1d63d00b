package io.openclaw.hq.notify.client;

import java.time.Instant;

/** The application's monthly message quota, as Pushover's {@code X-Limit-App-*} headers last said. */
public record PushoverQuota(Long limit, Long remaining, Instant resetsAt, Instant seenAt) {
}
