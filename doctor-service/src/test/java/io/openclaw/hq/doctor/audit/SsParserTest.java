package io.openclaw.hq.doctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SsParserTest {

    @Test
    void readsTheLocalColumnAndEveryProcessButNeverThePeerColumn() {
        String out = """
                State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process
                LISTEN 0      128    100.100.7.42:22     0.0.0.0:*         users:(("sshd",pid=801,fd=3),("systemd",pid=1,fd=50))
                LISTEN 0      4096   127.0.0.53%lo:53    0.0.0.0:*         users:(("systemd-resolve",pid=512,fd=14))
                LISTEN 0      4096   [fd7a:115c:a1e0::1]:443 [::]:*        users:(("tailscaled",pid=700,fd=22))
                ESTAB  0      0      100.100.7.42:22     100.90.1.2:51234  users:(("sshd",pid=900,fd=4))
                garbage line
                """;
        List<Listener> listeners = SsParser.parse(out);
        assertThat(listeners).extracting(Listener::address).containsExactly("100.100.7.42", "127.0.0.53%lo", "fd7a:115c:a1e0::1");
        assertThat(listeners).extracting(Listener::port).containsExactly(22, 53, 443);
        assertThat(listeners.get(0).processes()).containsExactly("sshd", "systemd");
        assertThat(listeners.get(2).bind()).isEqualTo("[fd7a:115c:a1e0::1]:443");
    }
}
