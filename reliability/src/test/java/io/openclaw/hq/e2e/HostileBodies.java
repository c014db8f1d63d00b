package io.openclaw.hq.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded grammar of hostile request bodies: each body starts from the shape an endpoint expects
 * (its template) and is broken in one of the ways the issue names. The same seed gives the same
 * bodies, so a failure in CI is replayed by running again with its seed.
 *
 * <p>Why not jqwik: jqwik 1.x runs on JUnit Platform 1.x, and this build is on JUnit Platform 6
 * (Quarkus 3.33's BOM), whose engine API jqwik does not implement; its 1.10 line also asks not to be
 * used by coding agents. The grammar below is small enough to read whole.
 */
final class HostileBodies {

    enum Kind {
        MALFORMED, OVERSIZED, DEEPLY_NESTED, WRONG_TYPE, UNKNOWN_FIELD, DUPLICATE_KEY, NUL_OR_BAD_UTF8, HUGE_NUMBER, WRONG_MEDIA_TYPE
    }

    /** One generated request body, with the content type it is sent as (null: no Content-Type). */
    record Body(Kind kind, byte[] bytes, String contentType) {
        String describe() {
            String text = new String(bytes, 0, Math.min(bytes.length, 120), StandardCharsets.ISO_8859_1)
                    .replaceAll("[^\\x20-\\x7e]", "?");
            return kind + " " + bytes.length + " bytes (" + contentType + "): " + text;
        }
    }

    /** What an endpoint expects, as the field → a valid value (as JSON text); a form endpoint has form = true. */
    record Shape(Map<String, String> fields, boolean form) {
        static Shape json(Map<String, String> fields) {
            return new Shape(fields, false);
        }

        static Shape formOf(Map<String, String> fields) {
            return new Shape(fields, true);
        }
    }

    private static final String[] WRONG_VALUES = {"123", "-1", "true", "null", "[]", "{}", "[1,2,3]", "{\"a\":{}}", "1.5e3",
        "\"\"", "\"   \"", "[\"x\"]"};
    private static final String[] UNKNOWN = {"__proto__", "constructor", "admin", "$where", "extra", "status", "id",
        "X-HQ-Actor", "runId", "params2", "\u00e9t\u00e9", "a.b.c"};

    private final SplittableRandom random;

    HostileBodies(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Body next(Shape shape) {
        Kind kind = pick();
        return shape.form() ? form(kind, shape) : json(kind, shape);
    }

    private Kind pick() {
        // oversized bodies are a few MiB each: rarer than the rest, so a CI run stays small on the wire
        int roll = random.nextInt(100);
        if (roll < 3) {
            return Kind.OVERSIZED;
        }
        Kind[] others = {Kind.MALFORMED, Kind.DEEPLY_NESTED, Kind.WRONG_TYPE, Kind.UNKNOWN_FIELD, Kind.DUPLICATE_KEY,
            Kind.NUL_OR_BAD_UTF8, Kind.HUGE_NUMBER, Kind.WRONG_MEDIA_TYPE};
        return others[random.nextInt(others.length)];
    }

    private Body json(Kind kind, Shape shape) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(shape.fields().entrySet());
        return switch (kind) {
            case MALFORMED -> new Body(kind, utf8(malformed(object(fields))), "application/json");
            case OVERSIZED -> {
                String key = fields.isEmpty() ? "padding" : fields.get(random.nextInt(fields.size())).getKey();
                int size = (1 << 20) + random.nextInt(3 << 20);
                yield new Body(kind, utf8("{\"" + key + "\":\"" + "A".repeat(size) + "\"}"), "application/json");
            }
            case DEEPLY_NESTED -> {
                int depth = 500 + random.nextInt(random.nextBoolean() ? 2_000 : 200_000);
                boolean arrays = random.nextBoolean();
                String open = arrays ? "[" : "{\"a\":";
                String close = arrays ? "]" : "}";
                String inner = fields.isEmpty() ? "1" : object(fields);
                yield new Body(kind, utf8(open.repeat(depth) + inner + close.repeat(depth)), "application/json");
            }
            case WRONG_TYPE -> {
                if (fields.isEmpty()) {
                    yield new Body(kind, utf8(WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]), "application/json");
                }
                int i = random.nextInt(fields.size());
                fields.set(i, Map.entry(fields.get(i).getKey(), WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]));
                yield new Body(kind, utf8(random.nextInt(4) == 0 ? "[" + object(fields) + "]" : object(fields)),
                        "application/json");
            }
            case UNKNOWN_FIELD -> {
                fields.add(random.nextInt(fields.size() + 1), Map.entry(UNKNOWN[random.nextInt(UNKNOWN.length)], "\"x\""));
                yield new Body(kind, utf8(object(fields)), "application/json");
            }
            case DUPLICATE_KEY -> {
                String key = fields.isEmpty() ? "a" : fields.get(random.nextInt(fields.size())).getKey();
                fields.add(Map.entry(key, WRONG_VALUES[random.nextInt(WRONG_VALUES.length)]));
                fields.add(Map.entry(key, "\"dup\""));
                yield new Body(kind, utf8(object(fields)), "application/json");
            }
            case NUL_OR_BAD_UTF8 -> new Body(kind, badBytes(object(fields)), "application/json");
            case HUGE_NUMBER -> {
                String huge = switch (random.nextInt(5)) {
                    case 0 -> "1e" + (100_000 + random.nextInt(1_000_000));
                    case 1 -> "9".repeat(500 + random.nextInt(100_000));
                    case 2 -> "-" + "9".repeat(40) + "." + "9".repeat(40);
                    case 3 -> "NaN";
                    default -> "0." + "0".repeat(5_000) + "1";
                };
                if (fields.isEmpty()) {
                    yield new Body(kind, utf8("{\"n\":" + huge + "}"), "application/json");
                }
                int i = random.nextInt(fields.size());
                fields.set(i, Map.entry(fields.get(i).getKey(), huge));
                yield new Body(kind, utf8(object(fields)), "application/json");
            }
            case WRONG_MEDIA_TYPE -> {
                String[] types = {"text/plain", "application/xml", "application/x-www-form-urlencoded", null,
                    "application/json; charset=utf-16", "multipart/form-data; boundary=x"};
                yield new Body(kind, utf8(object(fields)), types[random.nextInt(types.length)]);
            }
        };
    }

    private Body form(Kind kind, Shape shape) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(shape.fields().entrySet());
        String type = "application/x-www-form-urlencoded";
        return switch (kind) {
            case MALFORMED -> new Body(kind, utf8(switch (random.nextInt(4)) {
                case 0 -> "%";
                case 1 -> "token=%ZZ%G1";
                case 2 -> "=&=&&==";
                default -> "token=" + "%".repeat(1 + random.nextInt(50));
            }), type);
            case OVERSIZED -> new Body(kind, utf8("token=" + "A".repeat((1 << 20) + random.nextInt(3 << 20))), type);
            case DEEPLY_NESTED -> new Body(kind, utf8("a[".repeat(1000 + random.nextInt(20_000)) + "=1"), type);
            case WRONG_TYPE, UNKNOWN_FIELD -> new Body(kind, utf8(UNKNOWN[random.nextInt(UNKNOWN.length)] + "=1&"
                    + (fields.isEmpty() ? "" : fields.get(0).getKey() + "[]=1")), type);
            case DUPLICATE_KEY -> new Body(kind, utf8("token=a&token=b&token=" + "c".repeat(random.nextInt(100))), type);
            case NUL_OR_BAD_UTF8 -> new Body(kind, badBytes("token=x%00y&Body=%C3%28"), type);
            case HUGE_NUMBER -> new Body(kind, utf8("token=" + "9".repeat(10_000)), type);
            case WRONG_MEDIA_TYPE -> new Body(kind, utf8("{\"token\":\"x\"}"), "application/json");
        };
    }

    private String object(List<Map.Entry<String, String>> fields) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(fields.get(i).getKey()).append("\":").append(fields.get(i).getValue());
        }
        return out.append('}').toString();
    }

    private String malformed(String valid) {
        return switch (random.nextInt(6)) {
            case 0 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            case 1 -> valid + "}".repeat(1 + random.nextInt(3));
            case 2 -> valid.replace(':', '=');
            case 3 -> valid.replace('"', '\'');
            case 4 -> "{" + valid;
            default -> {
                char[] noise = new char[1 + random.nextInt(64)];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (char) (0x20 + random.nextInt(0x5f));
                }
                yield new String(noise);
            }
        };
    }

    /** The text with a NUL (escaped or raw) or a byte sequence that is not UTF-8 spliced into it. */
    private byte[] badBytes(String text) {
        byte[][] poisons = {{0}, {(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, utf8("\\u0000"), utf8("\\ud800"),
            {(byte) 0xC0, (byte) 0xAF}};
        byte[] poison = poisons[random.nextInt(poisons.length)];
        byte[] base = utf8(text);
        // inside a string value when there is one, so the parser reaches it
        int quote = text.indexOf(":\"");
        int at = quote >= 0 ? quote + 2 : random.nextInt(base.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(base, 0, Math.min(at, base.length));
        out.writeBytes(poison);
        if (at < base.length) {
            out.write(base, at, base.length - at);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
