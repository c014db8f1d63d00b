package io.openclaw.hq.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Text a client sends in the request line and headers, judged before anything reads it: the
 * path and the query, percent-decoded, must be valid UTF-8 without control characters, and a
 * header value must hold no control character but a tab. Each rule answers what was wrong, in
 * words a client can act on, or nothing when the text is fine.
 */
final class RequestText {

    private RequestText() {
    }

    /** Why the percent-encoded part ({@code path} or {@code query}) is refused, if it is. */
    static Optional<String> problemInEncoded(String part, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return Optional.of("the " + part + " holds a '%' that is not followed by two hex digits");
                }
                bytes.put((byte) (hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2))));
                i += 2;
            } else if (c <= 0xff) {
                // the request line arrives as bytes; a raw byte above 0x7f is judged like its %XX form
                bytes.put((byte) c);
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return Optional.of("the " + part + " is not valid UTF-8 once percent-decoded");
        }
        int control = firstControl(decoded, false);
        if (control >= 0) {
            return Optional.of("the " + part + " holds the control character " + name(decoded.charAt(control))
                    + "; send text without it");
        }
        return Optional.empty();
    }

    /** Why a header value is refused, if it is: a control character other than a tab. */
    static Optional<String> problemInHeader(String header, String value) {
        int control = firstControl(value, true);
        if (control < 0) {
            return Optional.empty();
        }
        return Optional.of("header " + header + " holds the control character " + name(value.charAt(control))
                + "; send text without it");
    }

    private static int firstControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && !(tabAllowed && c == '\t')) || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    private static String name(char c) {
        return c == 0 ? "NUL (U+0000)" : String.format("U+%04X", (int) c);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
