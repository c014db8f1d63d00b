package io.openclaw.hq.gateway.panels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PanelReaderTest {

    @ParameterizedTest
    @CsvSource({"apiKey, true", "openai_api_key, true", "token, true", "sessionToken, true", "password, true",
            "clientSecret, true", "fingerprint, false", "masked, false", "hasKey, false", "state, false"})
    void fieldsThatMayHoldSecretsAreHidden(String field, boolean hidden) {
        assertThat(PanelReader.isHidden(field)).isEqualTo(hidden);
    }

    @ParameterizedTest
    @CsvSource({"PASS, ok", "ok, ok", "DEGRADED, warn", "running, warn", "FAIL, bad", "down, bad", "whatever, ''"})
    void tones(String value, String tone) {
        assertThat(PanelReader.tone(value)).isEqualTo(tone);
    }

    @Test
    void scalarsSkipSecretsAndFlattenOneLevel() throws Exception {
        List<KeyValue> rows = PanelReader.scalars(new ObjectMapper().readTree(
                "{\"state\":\"OK\",\"apiKey\":\"sk-live-123\",\"router\":{\"review\":\"openai\",\"deep\":{\"x\":1}}}"));
        assertThat(rows).extracting(KeyValue::key).containsExactly("state", "router: review");
        assertThat(rows.toString()).doesNotContain("sk-live-123");
    }

    @Test
    void chartsEscapeLabelsStackPartsAndKeepTheirProportions() {
        List<SvgCharts.Series> series = List.of(new SvgCharts.Series("pass", "bar-ok"), new SvgCharts.Series("fail", "bar-bad"));
        String svg = SvgCharts.stacked("t", List.of(
                new SvgCharts.Bar("<script>", List.of(new SvgCharts.Part("pass", 2), new SvgCharts.Part("fail", 1))),
                new SvgCharts.Bar("2026-02-16", List.of(new SvgCharts.Part("pass", 0), new SvgCharts.Part("fail", 0)))),
                series, "");
        assertThat(svg).startsWith("<svg").contains("&lt;script&gt;").doesNotContain("<script>").contains("02-16")
                .doesNotContain("preserveAspectRatio").contains("<title>&lt;script&gt;: pass 2, fail 1</title>")
                .contains("class=\"bar-ok\"").contains("class=\"bar-bad\"").contains("<ul class=\"legend\">");
        assertThat(SvgCharts.stacked("t", List.of(), series, "")).contains("no data");
    }

    @ParameterizedTest
    @CsvSource({"lastRunAt, last run at", "key_masked, key masked", "timerHealthy, timer healthy", "review-role, review role"})
    void identifiersBecomeWords(String identifier, String words) {
        assertThat(Words.label(identifier)).isEqualTo(words);
    }

    @Test
    void timesAreToTheSecond() {
        assertThat(Words.time(java.time.Instant.parse("2026-02-16T10:00:00.123456789Z"))).isEqualTo("2026-02-16 10:00:00 UTC");
    }
}
