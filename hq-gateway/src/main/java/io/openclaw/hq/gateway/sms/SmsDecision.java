package io.openclaw.hq.gateway.sms;

/** What was decided about one inbound SMS: the text to answer, or none (strangers get nothing). */
public record SmsDecision(String outcome, String reply) {

    public static SmsDecision silent(String outcome) {
        return new SmsDecision(outcome, null);
    }

    public boolean answers() {
        return reply != null;
    }
}
