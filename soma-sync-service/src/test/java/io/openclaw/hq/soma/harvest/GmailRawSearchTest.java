package io.openclaw.hq.soma.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.service.SomaSecrets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a server that offers X-GM-EXT-1, the new messages are narrowed by exactly one X-GM-RAW search. */
class GmailRawSearchTest {

    static final String QUERY = "has:attachment filename:(mp4 OR mov) OR youtube.com";

    @Test
    void theHarvestAsksGmailWithXGmRawOverTheNewMessagesOnly(@TempDir Path dir) throws Exception {
        try (ScriptedGmailPeer peer = new ScriptedGmailPeer(dir)) {
            SomaFile.Gmail settings = new SomaFile.Gmail("127.0.0.1", peer.port(), true, "[Gmail]/All Mail", QUERY, 10, 5);
            Properties trust = new Properties();
            trust.put("mail.gimaps.ssl.socketFactory", peer.clientSockets());
            List<String> log = new ArrayList<>();
            MailboxReader.Batch batch;
            try (MailboxReader reader = MailboxReader.connect(settings,
                    new SomaSecrets.GmailLogin("owner@example.org", "app-password-1234"), trust)) {
                assertThat(reader.offersGmailSearch()).isTrue();
                batch = reader.readSince(42, 1, log::add);
            }
            assertThat(batch.searchMode()).isEqualTo("X-GM-RAW");
            assertThat(batch.uidValidity()).isEqualTo(42);
            assertThat(batch.lastUid()).isEqualTo(3);
            assertThat(batch.newMessages()).isEqualTo(2);
            assertThat(batch.fetched()).isZero();
            List<String> searches = peer.commands().stream().filter(c -> c.startsWith("SEARCH")).toList();
            assertThat(searches).containsExactly("SEARCH X-GM-RAW \"" + QUERY + "\" 2:3");
            assertThat(peer.commands()).anyMatch(c -> c.startsWith("UID FETCH 2:"));
            assertThat(peer.commands()).noneMatch(c -> c.contains("app-password-1234"));
        }
    }
}
