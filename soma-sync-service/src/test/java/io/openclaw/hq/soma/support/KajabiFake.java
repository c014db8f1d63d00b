package io.openclaw.hq.soma.support;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.openclaw.hq.soma.snapshot.Library;
import java.util.ArrayList;
import java.util.List;

/**
 * WireMock playing Kajabi's public API: the OAuth token endpoint, a product's courses (modules
 * included) and each course's lessons (media included), paged by {@code links.next}. Lessons are
 * served in reverse order, so a snapshot that did not sort would show it.
 */
public final class KajabiFake {

    public static final String TOKEN_PATH = "/v1/oauth/token";
    public static final String COURSES_PATH = "/v1/courses";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer wireMock;
    private final int pageSize;

    public KajabiFake(WireMockServer wireMock, int pageSize) {
        this.wireMock = wireMock;
        this.pageSize = pageSize;
    }

    public static String lessonsPath(String courseId) {
        return "/v1/courses/" + courseId + "/lessons";
    }

    public void token(String accessToken, int expiresIn) {
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}")));
    }

    /** Serves {@code library} (from {@link Libraries}) as the product {@code productId}. */
    public void product(String productId, Library library) {
        ObjectNode courses = JSON.createObjectNode();
        ArrayNode data = courses.putArray("data");
        ArrayNode included = courses.putArray("included");
        for (Library.Course c : library.courses()) {
            ObjectNode course = data.addObject().put("id", c.id()).put("type", "courses");
            course.putObject("attributes").put("title", c.title());
            ArrayNode moduleRefs = course.putObject("relationships").putObject("modules").putArray("data");
            for (Library.Module m : c.modules()) {
                moduleRefs.addObject().put("type", "modules").put("id", m.id());
                ObjectNode module = included.addObject().put("id", m.id()).put("type", "modules");
                module.putObject("attributes").put("title", m.title()).put("position", m.position())
                        .put("published", m.published());
            }
            stubLessons(c);
        }
        courses.putObject("links").putNull("next");
        wireMock.stubFor(get(urlPathEqualTo(COURSES_PATH)).atPriority(5)
                .withQueryParam("filter[product_id]", equalTo(productId))
                .willReturn(json(courses.toString())));
    }

    private void stubLessons(Library.Course c) {
        List<ObjectNode> lessons = new ArrayList<>();
        List<List<Library.Media>> media = new ArrayList<>();
        for (Library.Module m : c.modules()) {
            for (Library.Lesson l : m.lessons()) {
                ObjectNode lesson = JSON.createObjectNode().put("id", l.id()).put("type", "lessons");
                lesson.putObject("attributes").put("title", l.title()).put("position", l.position())
                        .put("published", l.published());
                ObjectNode relationships = lesson.putObject("relationships");
                relationships.putObject("module").putObject("data").put("type", "modules").put("id", m.id());
                ArrayNode refs = relationships.putObject("media").putArray("data");
                l.media().forEach(x -> refs.addObject().put("type", "media").put("id", x.id()));
                lessons.add(lesson);
                media.add(l.media());
            }
        }
        java.util.Collections.reverse(lessons);
        java.util.Collections.reverse(media);
        int pages = Math.max(1, (lessons.size() + pageSize - 1) / pageSize);
        for (int page = 1; page <= pages; page++) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode data = body.putArray("data");
            ArrayNode included = body.putArray("included");
            for (int i = (page - 1) * pageSize; i < Math.min(lessons.size(), page * pageSize); i++) {
                data.add(lessons.get(i));
                for (Library.Media x : media.get(i)) {
                    ObjectNode item = included.addObject().put("id", x.id()).put("type", "media");
                    item.putObject("attributes").put("kind", x.kind()).put("filename", x.filename())
                            .put("duration_seconds", x.durationSeconds());
                }
            }
            ObjectNode links = body.putObject("links");
            if (page < pages) {
                links.put("next", lessonsPath(c.id()) + "?include=media&page%5Bsize%5D=" + pageSize + "&page%5Bnumber%5D=" + (page + 1));
            } else {
                links.putNull("next");
            }
            wireMock.stubFor(lessonsPage(c.id(), page).atPriority(5).willReturn(json(body.toString())));
        }
    }

    /** The request for one page of a course's lessons; tests stub faults on it at a higher priority. */
    public static MappingBuilder lessonsPage(String courseId, int page) {
        return get(urlPathEqualTo(lessonsPath(courseId)))
                .withQueryParam("page[number]", page == 1 ? absent() : equalTo(Integer.toString(page)));
    }

    /** The minimum requests one product needs: a courses page per pageSize courses, a lessons page per pageSize lessons. */
    public int minimumRequests(Library library) {
        int requests = Math.max(1, (library.courses().size() + pageSize - 1) / pageSize);
        for (Library.Course c : library.courses()) {
            int lessons = c.modules().stream().mapToInt(m -> m.lessons().size()).sum();
            requests += Math.max(1, (lessons + pageSize - 1) / pageSize);
        }
        return requests;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json").withBody(body);
    }
}
