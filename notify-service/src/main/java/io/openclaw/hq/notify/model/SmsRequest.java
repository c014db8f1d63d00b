package io.openclaw.hq.notify.model;

/** {@code POST /messages/sms}: a direct SMS to a number on SMS_ALLOWLIST. */
public record SmsRequest(String to, String body) {
}
