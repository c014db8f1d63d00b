package io.openclaw.hq.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The internal token, read from the secrets directory as ./hq keeps it; never printed, never in argv. */
final class InternalToken {

    static final String NAME = "hq_internal_token";

    private InternalToken() {
    }

    static String read(Path secretsDir) {
        Path file = secretsDir.resolve(NAME);
        try {
            if (Files.isRegularFile(file)) {
                String token = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!token.isEmpty()) {
                    return token;
                }
            }
        } catch (IOException e) {
            throw new Refusal("cannot read the internal token " + file + ": " + e.getClass().getSimpleName());
        }
        throw new Refusal("no internal token in " + file + ": './hq up' creates it (the router needs it on every call)");
    }
}
