package io.openclaw.hq.soma.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.soma.support.Api;
import io.openclaw.hq.soma.support.Mailbox;
import io.openclaw.hq.soma.support.SomaCanaries;
import io.openclaw.hq.soma.support.SomaTestResources;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SomaTestResources
class HarvestTest {

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void notifyAccepts() {
        wireMock.resetAll();
        wireMock.stubFor(post(urlPathEqualTo("/alerts")).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    private static String artifact(JsonPath run, String name) throws Exception {
        String path = run.getList("artifacts", String.class).stream().filter(a -> a.endsWith("/" + name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + run.getList("artifacts")));
        return Files.readString(TestSecretsResource.artifactRoot().resolve(path), StandardCharsets.UTF_8);
    }

    private static JsonPath harvest() {
        JsonPath run = Api.run("/soma/harvest", "{}");
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("success");
        return run;
    }

    @Test
    void attachmentsAndLinksAreIndexedDuplicatesCollapseAndASecondRunFetchesOnlyTheNew() throws Exception {
        harvest(); // whatever an earlier test left is behind the high-water mark now
        byte[] clip = "not really an mp4, but bytes to hash".getBytes(StandardCharsets.UTF_8);
        Mailbox.attachment("Alice <alice@example.com>", "Class recording", "class-01.mp4", "video/mp4", clip);
        Mailbox.text("bob@example.com", "Two links", "Part 1 https://www.youtube.com/watch?v=dQw4w9WgXcQ and part 2"
                + " https://vimeo.com/123456789 enjoy");
        Mailbox.attachment("carol@example.com", "Fwd: Class recording", "copy of class.MOV", "video/quicktime", clip);
        Mailbox.html("dave@example.com", "Again", "<p><a href=\"https://youtu.be/dQw4w9WgXcQ\">watch</a></p>");
        Mailbox.text("erin@example.com", "Lunch?", "no video here, see https://example.com/watch?v=dQw4w9WgXcQ");
        Mailbox.attachment("frank@example.com", "Notes", "notes.pdf", "application/pdf", "pdf".getBytes(StandardCharsets.UTF_8));

        JsonPath first = harvest();
        assertThat(first.getString("summary")).startsWith("6 new message(s), 4 fetched (imap), 4 with videos");
        JsonPath index = JsonPath.from(artifact(first, "gmail_video_index.json"));
        List<String> subjects = index.getList("messages.subject");
        assertThat(subjects).contains("Class recording", "Two links", "Fwd: Class recording", "Again")
                .doesNotContain("Lunch?", "Notes");
        String sha = index.getString("messages.find { it.subject == 'Class recording' }.attachments[0].sha256");
        assertThat(index.getLong("messages.find { it.subject == 'Class recording' }.attachments[0].size")).isEqualTo(clip.length);
        // the same bytes under two names are one video; the same YouTube id in two messages is one video
        assertThat(index.getList("videos.findAll { it.key == 'sha256:" + sha + "' }.messageIds[0]")).hasSize(2);
        assertThat(index.getList("videos.findAll { it.key == 'youtube:dQw4w9WgXcQ' }.messageIds[0]")).hasSize(2);
        assertThat(index.getString("videos.find { it.key == 'vimeo:123456789' }.firstSubject")).isEqualTo("Two links");
        String csv = artifact(first, "video_manifest.csv");
        assertThat(csv).startsWith("key,kind,provider,video_id,name,size,sha256,url,first_date,first_from,first_subject,messages\r\n");
        assertThat(csv).contains("youtube:dQw4w9WgXcQ,link,youtube,dQw4w9WgXcQ,", "sha256:" + sha + ",attachment,,,class-01.mp4,"
                + clip.length + "," + sha);
        int videosBefore = index.getList("videos").size();

        Mailbox.text("gina@example.com", "Loom walkthrough", "https://www.loom.com/share/0123456789abcdef0123456789abcdef");
        Mailbox.text("hank@example.com", "Re: Lunch?", "sure");
        JsonPath second = harvest();
        assertThat(second.getString("summary")).startsWith("2 new message(s), 1 fetched (imap), 1 with videos");
        JsonPath secondIndex = JsonPath.from(artifact(second, "gmail_video_index.json"));
        assertThat(secondIndex.getList("videos")).hasSize(videosBefore + 1);
        assertThat(secondIndex.getList("messages.subject")).contains("Class recording", "Loom walkthrough");

        assertThat(harvest().getString("summary")).startsWith("0 new message(s), 0 fetched");
        String everything = artifact(second, "gmail_video_index.json") + artifact(second, "video_manifest.csv")
                + Api.log(second.getString("id")) + Api.call().get("/soma/status").asString();
        assertThat(SomaCanaries.leaksIn(everything)).isEmpty();
    }

    @Test
    void aThousandMessageMailboxIsReadOnceAndThenOnlyWhatIsNew() throws Exception {
        harvest();
        for (int i = 0; i < 1000; i++) {
            if (i % 100 == 0) {
                Mailbox.text("list@example.com", "Video " + i, "https://vimeo.com/" + (100000000 + i));
            } else {
                Mailbox.text("list@example.com", "Digest " + i, "nothing to see");
            }
        }
        JsonPath big = harvest();
        assertThat(big.getString("summary")).startsWith("1000 new message(s), 10 fetched (imap), 10 with videos");
        Mailbox.text("list@example.com", "One more", "https://vimeo.com/987654321");
        assertThat(harvest().getString("summary")).startsWith("1 new message(s), 1 fetched (imap), 1 with videos");
        Api.call().get("/soma/status").then().statusCode(200)
                .body("harvest.folder", org.hamcrest.Matchers.is("INBOX"))
                .body("harvest.lastUid", org.hamcrest.Matchers.greaterThanOrEqualTo(1001));
    }
}
