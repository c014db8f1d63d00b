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
        assertThat(rows).extracting(KeyValue::key).containsExactly("state", "router.review");
        assertThat(rows.toString()).doesNotContain("sk-live-123");
    }

    @Test
    void chartsEscapeLabelsAndScale() {
        String svg = SvgCharts.stacked("t", List.of(new SvgCharts.Bar("<script>", 2, 1), new SvgCharts.Bar("2026-02-16", 0, 0)),
                "bar-ok", "bar-bad", "");
        assertThat(svg).startsWith("<svg").contains("&lt;script&gt;").doesNotContain("<script>").contains("02-16");
        assertThat(SvgCharts.stacked("t", List.of(), "a", null, "")).contains("no data");
    }
}
