package io.openclaw.hq.soma.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VideoLinksTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ, youtube, dQw4w9WgXcQ",
            "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ, youtube, dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?t=42, youtube, dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/abcdefghijk, youtube, abcdefghijk",
            "https://vimeo.com/123456789, vimeo, 123456789",
            "https://player.vimeo.com/video/987654321?h=abc, vimeo, 987654321",
            "https://www.loom.com/share/0123456789abcdef0123456789abcdef, loom, 0123456789abcdef0123456789abcdef",
            "https://acme.wistia.com/medias/a1b2c3d4e5, wistia, a1b2c3d4e5",
            "https://fast.wistia.net/embed/iframe/a1b2c3d4e5, wistia, a1b2c3d4e5",
            "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012345/view, google_drive, 1AbCdEfGhIjKlMnOpQrStUvWxYz012345",
            "https://drive.google.com/open?id=1AbCdEfGhIjKlMnOpQrStUvWxYz012345, google_drive, 1AbCdEfGhIjKlMnOpQrStUvWxYz012345"})
    void recognisesEachProvider(String url, String provider, String id) {
        assertThat(VideoLinks.in("Watch this: " + url + " today")).singleElement().satisfies(link -> {
            assertThat(link.provider()).isEqualTo(provider);
            assertThat(link.videoId()).isEqualTo(id);
        });
    }

    @Test
    void eachVideoOncePerTextInOrderAndNothingElse() {
        List<VideoLink> links = VideoLinks.in("""
                <a href="https://vimeo.com/123456789">x</a> then https://youtu.be/dQw4w9WgXcQ and again
                https://www.youtube.com/watch?v=dQw4w9WgXcQ; not videos: https://example.com/watch?v=dQw4w9WgXcQ
                https://vimeo.com/about https://drive.google.com/drive/folders/xyz""");
        assertThat(links).extracting(VideoLink::key).containsExactly("vimeo:123456789", "youtube:dQw4w9WgXcQ");
    }
}
