package io.openclaw.hq.gateway.sms;

import java.time.Instant;

/** One message from Twilio's Messages list, as far as HQ reads it. */
public record InboundSms(String sid, String from, String to, String body, Instant sentAt, String direction) {

    public boolean isInbound() {
        return direction != null && direction.startsWith("inbound");
    }

    @Override
    public String toString() {
        // never the number or the text
        return "InboundSms[" + sid + "]";
    }
}
