package io.openclaw.hq.doctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference's doctor selftest scenarios (27) as a table over {@code ss -tlnp} fixtures, plus
 * the extra cases found while porting: systemd holding :22 for ssh.socket, a listener without a
 * process column, IPv4-mapped IPv6.
 */
class PortAuditAnalyzerTest {

    private static final String HEADER = "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process";

    static String line(String local, String peer, String process) {
        String users = process == null ? "" : " users:((\"" + process + "\",pid=100,fd=3))";
        return "LISTEN 0      4096   " + local + "   " + peer + users;
    }

    static String ss(String... lines) {
        return HEADER + "\n" + String.join("\n", lines) + "\n";
    }

    static Arguments row(String name, String ssOutput, boolean ok, boolean sshdPublic, List<String> violatingBinds) {
        return Arguments.of(name, ssOutput, ok, sshdPublic, violatingBinds);
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                // 1-3: sshd public in every wildcard spelling
                row("01 sshd on 0.0.0.0:22", ss(line("0.0.0.0:22", "0.0.0.0:*", "sshd")), false, true, List.of("0.0.0.0:22")),
                row("02 sshd on [::]:22", ss(line("[::]:22", "[::]:*", "sshd")), false, true, List.of("[::]:22")),
                row("03 sshd on *:22", ss(line("*:22", "*:*", "sshd")), false, true, List.of("*:22")),
                // 4: sshd on the tailnet is private
                row("04 sshd on tailnet IP", ss(line("100.100.7.42:22", "0.0.0.0:*", "sshd")), true, false, List.of()),
                // 5-7: tailscaled is allowed anywhere
                row("05 tailscaled on 0.0.0.0", ss(line("0.0.0.0:41641", "0.0.0.0:*", "tailscaled")), true, false, List.of()),
                row("06 tailscaled on [::]", ss(line("[::]:41641", "[::]:*", "tailscaled")), true, false, List.of()),
                row("07 tailscaled on tailnet", ss(line("100.101.2.3:443", "0.0.0.0:*", "tailscaled")), true, false, List.of()),
                // 8-9: loopback, IPv4 and IPv6
                row("08 localhost 127.0.0.1", ss(line("127.0.0.1:8787", "0.0.0.0:*", "docker-proxy")), true, false, List.of()),
                row("09 IPv6 loopback ::1", ss(line("[::1]:5432", "[::]:*", "postgres")), true, false, List.of()),
                // 10-13: tailnet boundaries of 100.64.0.0/10
                row("10 tailnet lower bound 100.64.0.0", ss(line("100.64.0.0:8080", "0.0.0.0:*", "java")), true, false, List.of()),
                row("11 tailnet upper bound 100.127.255.255", ss(line("100.127.255.255:8080", "0.0.0.0:*", "java")), true, false, List.of()),
                row("12 just below tailnet 100.63.255.255", ss(line("100.63.255.255:8080", "0.0.0.0:*", "java")), false, false,
                        List.of("100.63.255.255:8080")),
                row("13 just above tailnet 100.128.0.0", ss(line("100.128.0.0:8080", "0.0.0.0:*", "java")), false, false,
                        List.of("100.128.0.0:8080")),
                // 14-15: public addresses
                row("14 public IPv4", ss(line("203.0.113.5:80", "0.0.0.0:*", "nginx")), false, false, List.of("203.0.113.5:80")),
                row("15 public IPv6", ss(line("[2001:db8::1]:443", "[::]:*", "nginx")), false, false, List.of("[2001:db8::1]:443")),
                // 16-17: the tailnet's IPv6 prefix fd7a:115c:a1e0::/48 and just outside it
                row("16 sshd on tailnet IPv6", ss(line("[fd7a:115c:a1e0::8e01:72a]:22", "[::]:*", "sshd")), true, false, List.of()),
                row("17 IPv6 just outside the tailnet /48", ss(line("[fd7a:115c:a1e1::1]:22", "[::]:*", "sshd")), false, true,
                        List.of("[fd7a:115c:a1e1::1]:22")),
                // 18: the peer column (0.0.0.0:*) is never read as a bind
                row("18 peer column ignored", ss(line("100.100.7.42:8443", "0.0.0.0:*", "caddy")), true, false, List.of()),
                // 19: docker-proxy publishing on all interfaces
                row("19 docker-proxy on 0.0.0.0", ss(line("0.0.0.0:8080", "0.0.0.0:*", "docker-proxy")), false, false,
                        List.of("0.0.0.0:8080")),
                // 20: mixed private binds
                row("20 mixed private", ss(line("100.100.7.42:22", "0.0.0.0:*", "sshd"), line("0.0.0.0:41641", "0.0.0.0:*", "tailscaled"),
                        line("127.0.0.1:8787", "0.0.0.0:*", "docker-proxy")), true, false, List.of()),
                // 21-23 (reference tests 21-23)
                row("21 dual-stack public sshd", ss(line("0.0.0.0:22", "0.0.0.0:*", "sshd"), line("[::]:22", "[::]:*", "sshd")), false, true,
                        List.of("0.0.0.0:22", "[::]:22")),
                row("22 sshd on loopback passes", ss(line("127.0.0.1:22", "0.0.0.0:*", "sshd")), true, false, List.of()),
                row("23 mixed tailnet and public", ss(line("100.100.7.42:22", "0.0.0.0:*", "sshd"), line("0.0.0.0:80", "0.0.0.0:*", "nginx")),
                        false, false, List.of("0.0.0.0:80")),
                // 24-27 (reference tests 24-27): systemd-resolved, a full VPS, resolve + public, all of 127.0.0.0/8
                row("24 systemd-resolved on 127.0.0.53 and .54", ss(line("127.0.0.53%lo:53", "0.0.0.0:*", "systemd-resolve"),
                        line("127.0.0.54:53", "0.0.0.0:*", "systemd-resolve")), true, false, List.of()),
                row("25 full VPS", ss(line("127.0.0.53%lo:53", "0.0.0.0:*", "systemd-resolve"), line("100.100.7.42:22", "0.0.0.0:*", "sshd"),
                        line("127.0.0.1:8787", "0.0.0.0:*", "docker-proxy"), line("100.100.7.42:443", "0.0.0.0:*", "tailscaled"),
                        line("[fd7a:115c:a1e0::8e01:72a]:443", "[::]:*", "tailscaled"), line("127.0.0.1:5432", "0.0.0.0:*", "postgres")),
                        true, false, List.of()),
                row("26 resolve plus a public bind", ss(line("127.0.0.53%lo:53", "0.0.0.0:*", "systemd-resolve"),
                        line("0.0.0.0:443", "0.0.0.0:*", "nginx")), false, false, List.of("0.0.0.0:443")),
                row("27 all of 127.0.0.0/8 is loopback", ss(line("127.255.255.254:9000", "0.0.0.0:*", "java"),
                        line("127.0.1.1:53", "0.0.0.0:*", "dnsmasq")), true, false, List.of()),
                // extras
                row("x1 ssh.socket: systemd holds 0.0.0.0:22", ss(line("0.0.0.0:22", "0.0.0.0:*", "systemd")), false, true,
                        List.of("0.0.0.0:22")),
                row("x2 public bind without a process column", ss(line("0.0.0.0:25", "0.0.0.0:*", null)), false, false,
                        List.of("0.0.0.0:25")),
                row("x3 IPv4-mapped loopback", ss(line("[::ffff:127.0.0.1]:9090", "[::]:*", "java")), true, false, List.of()),
                row("x4 empty output", ss(), true, false, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void classifiesLikeTheReference(String name, String ssOutput, boolean ok, boolean sshdPublic, List<String> violatingBinds) {
        PortAuditResult result = PortAuditAnalyzer.analyze(ssOutput);
        assertThat(result.ok()).as("ok").isEqualTo(ok);
        assertThat(result.sshdPublic()).as("sshdPublic").isEqualTo(sshdPublic);
        assertThat(result.violations().stream().map(v -> v.listener().bind()).collect(Collectors.toList()))
                .as("violations").containsExactlyElementsOf(violatingBinds);
        if (ok) {
            assertThat(result.lines()).containsExactly("OK");
        } else {
            assertThat(result.lines().get(0)).isEqualTo("VIOLATIONS");
            assertThat(result.lines().contains("SSHD_PUBLIC")).isEqualTo(sshdPublic);
        }
    }
}
