package io.openclaw.hq.gateway.sms;

/** The two TwiML answers the gateway gives: nothing, or one message. */
final class TwiML {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private TwiML() {
    }

    static String empty() {
        return HEAD + "<Response/>";
    }

    static String message(String text) {
        return HEAD + "<Response><Message>" + escape(text) + "</Message></Response>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
