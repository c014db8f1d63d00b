package io.openclaw.hq.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./hq secrets status} (ops/secrets.sh) shows the same masked form and fingerprint as the
 * services' status pages: the script's bash functions and {@link SecretMasking} get the same
 * values (over standard input, never as arguments) and must answer the same.
 */
class SecretMaskingScriptAgreementTest {

    private static final List<String> VALUES = List.of(
            "sk-proj-abcdefghijklmnop1234", "sk-abcdefghijklmnopqrst9876", "ACabcdef0123456789abcdef01234567",
            "plainsecretvalue42", "shortone", "elevenchars", "twelvechars!", "sk-sk", "sk-ab-cd",
            "abcd_live_0123456789abcdef", "abcde-0123456789abcdef", "pk_test_0123456789", "sk-proj-12345678",
            "sk-proj-1234567", "UPPER-0123456789abcdef", "e2e-console-token-6b1f0c9e3a7d45e2b8c4",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "with space inside 12345");

    @Test
    void theScriptMasksAndFingerprintsExactlyAsThePlatform() throws IOException, InterruptedException {
        Path script = repositoryRoot().resolve("ops/secrets.sh");
        assertThat(script).isRegularFile();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "fail() { exit 3; }; source \"$0\"; while IFS= read -r v; do secrets_mask \"$v\"; printf ' '; "
                        + "secrets_fingerprint \"$v\"; printf '\\n'; done", script.toString());
        builder.environment().put("LANG", "C.UTF-8");
        Process bash = builder.start();
        bash.getOutputStream().write((String.join("\n", VALUES) + "\n").getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        List<String> expected = new ArrayList<>();
        for (String value : VALUES) {
            expected.add(SecretMasking.mask(value) + " " + SecretMasking.fingerprint(value));
        }
        assertThat(out.lines().toList()).containsExactlyElementsOf(expected);
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("hq"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no ./hq above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
