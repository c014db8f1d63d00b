package io.openclaw.hq.soma.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.soma.support.Api;
import io.openclaw.hq.soma.support.KajabiFake;
import io.openclaw.hq.soma.support.Libraries;
import io.openclaw.hq.soma.support.SomaTestResources;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SomaTestResources
class MirrorTest {

    static final String HOME = "mh1:Foundations=mhl1:Arrive,mhl2:Breath,mhl3:Rest|mh2:Flow=mhl4:Sun salutation";
    static final String PRACTITIONER = "mp1:Foundations=mpl1:Arrive,mpl2:Breath,mpl3:Rest|mp2:Flow=mpl4:Sun salutation";

    @InjectWireMock
    WireMockServer wireMock;

    private JsonPath snapshotBoth(String home, String practitioner) {
        wireMock.resetAll();
        wireMock.stubFor(post(urlPathEqualTo("/alerts")).willReturn(aResponse().withStatus(200).withBody("{}")));
        KajabiFake kajabi = new KajabiFake(wireMock, 2);
        kajabi.token("kj-token-mirror123456", 3600);
        kajabi.product("prod-home", Libraries.parse("home", home));
        kajabi.product("prod-prac", Libraries.parse("practitioner", practitioner));
        assertThat(Api.run("/soma/snapshot", "{\"product\":\"home\"}").getString("status")).isEqualTo("success");
        assertThat(Api.run("/soma/snapshot", "{\"product\":\"Practitioner Library\"}").getString("status")).isEqualTo("success");
        JsonPath mirror = Api.run("/soma/mirror", "{}");
        assertThat(mirror.getString("status")).as(mirror.prettify()).isEqualTo("success");
        return mirror;
    }

    private static JsonPath report(JsonPath run) {
        String path = run.getList("artifacts", String.class).stream().filter(a -> a.endsWith("/mirror_report.json"))
                .findFirst().orElseThrow();
        return JsonPath.from(TestSecretsResource.artifactRoot().resolve(path).toFile());
    }

    private static String changelog(JsonPath run) throws Exception {
        String path = run.getList("artifacts", String.class).stream().filter(a -> a.endsWith("/changelog.md"))
                .findFirst().orElseThrow();
        return Files.readString(TestSecretsResource.artifactRoot().resolve(path));
    }

    @Test
    void matchingLibrariesThenARenamedAndMovedLessonStaysPairedAcrossRuns() throws Exception {
        JsonPath same = snapshotBoth(HOME, PRACTITIONER);
        assertThat(same.getString("summary")).isEqualTo("Home User Library and Practitioner Library match");
        assertThat(report(same).getInt("counts.lesson_pairs")).isEqualTo(4);
        assertThat(changelog(same)).contains("The two libraries match");

        // the practitioner side renames Breath, moves it to the end of its module, and unpublishes Flow
        JsonPath drifted = snapshotBoth(HOME, "mp1:Foundations=mpl1:Arrive,mpl3:Rest,mpl2:Breathing deeply|mp2:Flow~=mpl4:Sun salutation");
        JsonPath report = report(drifted);
        assertThat(report.getInt("counts.missing_in_target")).isZero();
        assertThat(report.getInt("counts.missing_in_source")).isZero();
        assertThat(report.getInt("counts.title_mismatch")).isEqualTo(1);
        assertThat(report.getInt("counts.order_drift")).isEqualTo(1);
        assertThat(report.getInt("counts.publish_drift")).isEqualTo(1);
        assertThat(report.getInt("pairedBy.identity")).isEqualTo(6);
        assertThat(report.getString("findings.find { it.kind == 'title_mismatch' }.target.title")).isEqualTo("Breathing deeply");
        assertThat(report.getString("findings.find { it.kind == 'title_mismatch' }.source.id")).isEqualTo("mhl2");
        assertThat(report.getString("source.snapshotRunId")).isNotBlank();
        assertThat(changelog(drifted)).contains("- lesson \"Breath\" is \"Breathing deeply\" in the target",
                "## Publish state drift (1)", "## Order drift (1)");
        assertThat(drifted.getString("summary")).startsWith("3 difference(s)");
    }
}
