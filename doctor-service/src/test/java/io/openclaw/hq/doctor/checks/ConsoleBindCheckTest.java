package io.openclaw.hq.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.Probe;
import io.openclaw.hq.doctor.model.CheckResult;
import io.openclaw.hq.doctor.model.CheckStatus;
import java.lang.reflect.Proxy;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Console bind over ss lines: loopback in any spelling passes; anything reachable from elsewhere fails and is named. */
class ConsoleBindCheckTest {

    private static final String HEADER = "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n";

    static Stream<Arguments> listeners() {
        return Stream.of(
                Arguments.of("IPv4 loopback", "127.0.0.1:8787", CheckStatus.PASS),
                Arguments.of("IPv4-mapped loopback, as a JVM reports it", "[::ffff:127.0.0.1]:8787", CheckStatus.PASS),
                Arguments.of("IPv6 loopback", "[::1]:8787", CheckStatus.PASS),
                Arguments.of("another loopback address", "127.0.0.2:8787", CheckStatus.PASS),
                Arguments.of("IPv4 wildcard", "0.0.0.0:8787", CheckStatus.FAIL),
                Arguments.of("IPv6 wildcard", "[::]:8787", CheckStatus.FAIL),
                Arguments.of("any address", "*:8787", CheckStatus.FAIL),
                Arguments.of("IPv4-mapped public", "[::ffff:203.0.113.9]:8787", CheckStatus.FAIL),
                Arguments.of("tailnet address", "100.100.7.42:8787", CheckStatus.FAIL),
                Arguments.of("nothing on the port", "127.0.0.1:9999", CheckStatus.FAIL));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("listeners")
    void consoleBind(String name, String bind, CheckStatus expected) {
        CheckResult r = check().run(ChecksTest.facts(Probe.LISTENERS, 0, HEADER + line(bind)));
        assertThat(r.status()).as(r.summary()).isEqualTo(expected);
        assertThat(r.remediation() != null).isEqualTo(expected == CheckStatus.FAIL);
    }

    @Test
    void theRemediationNamesWhatIsWrongAndNeverAsksForTheDefaultThatIsAlreadySet() {
        CheckResult open = check().run(ChecksTest.facts(Probe.LISTENERS, 0,
                HEADER + line("127.0.0.1:8787") + line("0.0.0.0:8787")));
        assertThat(open.summary()).contains("0.0.0.0:8787").doesNotContain("127.0.0.1:8787");
        assertThat(open.remediation()).contains("0.0.0.0:8787 is wildcard").doesNotContain("HTTP_HOST=127.0.0.1 in local mode");

        CheckResult mapped = check().run(ChecksTest.facts(Probe.LISTENERS, 0, HEADER + line("[::ffff:127.0.0.1]:8787")));
        assertThat(mapped.status()).isEqualTo(CheckStatus.PASS);
        assertThat(mapped.remediation()).isNull();
        assertThat(mapped.details()).containsExactly("[::ffff:127.0.0.1]:8787 java (loopback)");
    }

    private static String line(String bind) {
        return "LISTEN 0      4096   " + bind + "  0.0.0.0:*  users:((\"java\",pid=4242,fd=12))\n";
    }

    private static ConsoleBindCheck check() {
        DoctorConfig.Console console = (DoctorConfig.Console) Proxy.newProxyInstance(DoctorConfig.class.getClassLoader(),
                new Class<?>[] {DoctorConfig.Console.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "address" -> "127.0.0.1";
                    case "port" -> 8787;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        DoctorConfig config = (DoctorConfig) Proxy.newProxyInstance(DoctorConfig.class.getClassLoader(),
                new Class<?>[] {DoctorConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("console")) {
                        return console;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ConsoleBindCheck(config);
    }
}
