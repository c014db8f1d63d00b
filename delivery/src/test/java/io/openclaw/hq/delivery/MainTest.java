package io.openclaw.hq.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every command answers --help; unknown commands and options are usage errors, never a prompt. */
class MainTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"review bundle", "review run", "review finish", "review doctor", "review verify", "review gate", "hooks install", "ship",
            "review", "hooks"})
    void everyCommandAnswersHelp(String command) {
        String[] args = (command + " --help").split(" ");
        Run r = run(args);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("./hq");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertThat(run("review", "approve").exit()).isEqualTo(2);
        assertThat(run("review", "run", "--skip-review").exit()).isEqualTo(2);
        Run r = run("ship", "--no-gate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option --no-gate");
    }
}
