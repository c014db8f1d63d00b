package io.openclaw.hq.gateway.pages;

import io.openclaw.hq.platform.errors.ProblemException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code application/x-www-form-urlencoded} body read strictly. The gateway's form endpoints take
 * the body as bytes and read it here rather than through the JAX-RS form reader, which throws an
 * unexpected exception (a 500) on a broken percent-escape or an empty field name. Here every such
 * body is a {@link MalformedFormException} (400) naming the field and what was wrong with it: a
 * {@code %} without two hex digits, bytes that are not text in the body's charset (UTF-8 unless the
 * Content-Type names another), a field without a name, or a NUL (which no field of ours takes and
 * PostgreSQL cannot store). Values are never quoted back: a field may be the console token.
 */
public final class FormFields {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)\"?");
    /** A field name quoted back in an error only when it is plainly a name. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,40}");

    private FormFields() {
    }

    /** A form body the gateway refuses, as a problem naming what was wrong; {@code why} says it without a preamble. */
    public static final class MalformedFormException extends ProblemException {
        private final String why;

        MalformedFormException(int status, String title, String why) {
            super(status, title, "the form body could not be read: " + why);
            this.why = why;
        }

        static MalformedFormException of(String why) {
            return new MalformedFormException(400, "malformed form", why);
        }

        public String why() {
            return why;
        }
    }

    /** The fields of {@code body} (null or empty: none), each value as sent; names may repeat. */
    public static MultivaluedMap<String, String> read(byte[] body, String contentType) {
        Charset charset = charsetOf(contentType);
        MultivaluedMap<String, String> fields = new MultivaluedHashMap<>();
        if (body == null || body.length == 0) {
            return fields;
        }
        int field = 0;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                field++;
                int equals = indexOf(body, (byte) '=', start);
                int nameEnd = Math.min(equals, end);
                String name = decode(body, start, nameEnd, charset, "field " + field + "'s name");
                if (name.isEmpty()) {
                    throw MalformedFormException.of("field " + field + " has no name (it starts with '=')");
                }
                String what = "field " + field + (PLAIN_NAME.matcher(name).matches() ? " ('" + name + "')" : "");
                String value = nameEnd < end ? decode(body, nameEnd + 1, end, charset, what) : "";
                if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                    throw MalformedFormException.of(what + " holds the control character NUL (U+0000); send text without it");
                }
                fields.add(name, value);
            }
            start = end + 1;
        }
        return fields;
    }

    /** The Content-Type's charset, UTF-8 when it names none; one this JVM does not know is a 415. */
    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = m.group(1);
        try {
            return Charset.forName(name);
        } catch (RuntimeException unknown) {
            String shown = PLAIN_NAME.matcher(name).matches() ? "'" + name.toLowerCase(Locale.ROOT) + "'" : "given";
            throw new MalformedFormException(415, "unsupported media type",
                    "its charset " + shown + " is not one this gateway reads; send UTF-8");
        }
    }

    /** Percent-decodes {@code body[from, to)} ('+' is a space), then decodes the bytes as text, strictly. */
    private static String decode(byte[] body, int from, int to, Charset charset, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to || hex(body[i + 1]) < 0 || hex(body[i + 2]) < 0) {
                    throw MalformedFormException.of(what + " holds a '%' that is not followed by two hex digits"
                            + " (a literal '%' is written %25)");
                }
                bytes.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                // a raw byte above 0x7f is judged like its %XX form
                bytes.write(b);
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw MalformedFormException.of(what + " is not valid " + charset.name() + " once percent-decoded");
        }
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }
}
