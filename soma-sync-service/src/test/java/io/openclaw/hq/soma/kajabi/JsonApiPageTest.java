package io.openclaw.hq.soma.kajabi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonApiPageTest {

    private static JsonApiPage parse(String body) {
        return JsonApiPage.parse(body.getBytes(StandardCharsets.UTF_8), "GET /v1/test");
    }

    @Test
    void readsDataIncludedAndTheNextLink() {
        JsonApiPage page = parse("""
                {"data":[{"id":"7","type":"lessons","attributes":{"title":"Intro","position":1,"published":true},
                  "relationships":{"module":{"data":{"type":"modules","id":"3"}}}}],
                 "included":[{"id":"3","type":"modules","attributes":{"title":"Basics"}}],
                 "links":{"next":"/v1/test?page%5Bnumber%5D=2"}}""");
        assertThat(page.data()).singleElement().satisfies(r -> {
            assertThat(r.text("title")).isEqualTo("Intro");
            assertThat(r.toOne("module", "modules")).isEqualTo("3");
        });
        assertThat(page.included()).hasSize(1);
        assertThat(page.next()).isEqualTo("/v1/test?page%5Bnumber%5D=2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated inside an object | {\"data\":[{\"id\":\"1\",\"type\":\"lessons\",\"attributes\":{\"title\":\"Intro\" | $.data[0].attributes.title",
            "truncated inside the data array | {\"data\":[{\"id\":\"1\",\"type\":\"lessons\",\"attributes\":{}}, | $.data[1]",
            "data is not an array | {\"data\":{}} | $.data",
            "a resource without attributes | {\"data\":[{\"id\":\"1\",\"type\":\"lessons\"}]} | $.data[0].attributes",
            "an id that is not a string | {\"data\":[{\"id\":true,\"type\":\"x\",\"attributes\":{}}]} | $.data[0].id",
            "not JSON at all | <html>gateway timeout</html> | $",
            "a next link that is not a string | {\"data\":[],\"links\":{\"next\":5}} | $.links.next"})
    void aMalformedAnswerNamesThePathThatWasWrong(String name, String body, String path) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(KajabiException.class)
                .hasMessageContaining("malformed at " + path + ":").hasMessageContaining("GET /v1/test");
    }

    @Test
    void aMissingAttributeNamesItsPath() {
        JsonApiPage page = parse("{\"data\":[{\"id\":\"1\",\"type\":\"lessons\",\"attributes\":{\"title\":4}}]}");
        assertThatThrownBy(() -> page.data().get(0).text("title"))
                .hasMessageContaining("malformed at $.data[0].attributes.title: missing or not a string");
        assertThatThrownBy(() -> page.data().get(0).integer("position"))
                .hasMessageContaining("$.data[0].attributes.position");
    }
}
