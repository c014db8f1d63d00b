package io.openclaw.hq.gateway.sms;

/** Twilio credentials and our number, from the secrets notify-service uses too. */
public record TwilioAccount(String sid, String authToken, String number) {

    @Override
    public String toString() {
        return "TwilioAccount[secrets hidden]";
    }
}
