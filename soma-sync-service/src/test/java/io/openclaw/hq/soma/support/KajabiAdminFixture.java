package io.openclaw.hq.soma.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.soma.snapshot.Library;

/**
 * A local stand-in for the Kajabi admin that the browser fallback reads, served by the test's
 * WireMock as HTML: a product page linking its courses, a page per course with its modules,
 * lessons and media. Only a request carrying the session cookie with the expected value sees
 * them; anything else gets the sign-in form, as the real admin would answer a stale session.
 * Modules and lessons are written in reverse order, so a reader that did not sort would show it.
 */
public final class KajabiAdminFixture {

    public static final String COOKIE = "_kjb_session";

    private final WireMockServer wireMock;
    private final String session;

    public KajabiAdminFixture(WireMockServer wireMock, String session) {
        this.wireMock = wireMock;
        this.session = session;
        wireMock.stubFor(get(urlPathMatching("/(admin/.*)?")).atPriority(9).willReturn(html("""
                <form action="/login" method="post"><h1>Sign in</h1>
                <input type="email" name="email"><input type="password" name="password"></form>""")));
    }

    public void product(String productId, Library library) {
        StringBuilder page = new StringBuilder("<main data-kajabi-admin><h1>Product</h1><ul>");
        for (Library.Course c : library.courses()) {
            page.append("<li><a data-course-id=\"").append(escape(c.id())).append("\" href=\"/admin/courses/")
                    .append(escape(c.id())).append("\">").append(escape(c.title())).append("</a></li>");
            course(c);
        }
        page.append("</ul></main>");
        wireMock.stubFor(get(urlPathEqualTo("/admin/products/" + productId)).atPriority(2)
                .withCookie(COOKIE, equalTo(session)).willReturn(html(page.toString())));
    }

    private void course(Library.Course c) {
        StringBuilder page = new StringBuilder("<main data-kajabi-admin><h1 data-course-id=\"").append(escape(c.id()))
                .append("\" data-title=\"").append(escape(c.title())).append("\">").append(escape(c.title())).append("</h1>");
        for (Library.Module m : reversed(c.modules())) {
            page.append("<section data-module-id=\"").append(escape(m.id())).append("\" data-title=\"").append(escape(m.title()))
                    .append("\" data-position=\"").append(m.position()).append("\" data-published=\"").append(m.published())
                    .append("\"><h2>").append(escape(m.title())).append("</h2><ol>");
            for (Library.Lesson l : reversed(m.lessons())) {
                page.append("<li data-lesson-id=\"").append(escape(l.id())).append("\" data-title=\"").append(escape(l.title()))
                        .append("\" data-position=\"").append(l.position()).append("\" data-published=\"")
                        .append(l.published()).append("\">").append(escape(l.title()));
                for (Library.Media x : l.media()) {
                    page.append("<span data-media-id=\"").append(escape(x.id())).append("\" data-kind=\"").append(escape(x.kind()))
                            .append("\"");
                    if (x.filename() != null) {
                        page.append(" data-filename=\"").append(escape(x.filename())).append("\"");
                    }
                    if (x.durationSeconds() != null) {
                        page.append(" data-duration-seconds=\"").append(x.durationSeconds()).append("\"");
                    }
                    page.append("></span>");
                }
                page.append("</li>");
            }
            page.append("</ol></section>");
        }
        page.append("</main>");
        wireMock.stubFor(get(urlPathEqualTo("/admin/courses/" + c.id())).atPriority(2)
                .withCookie(COOKIE, equalTo(session)).willReturn(html(page.toString())));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><head><title>Kajabi</title></head><body>" + body + "</body></html>");
    }

    private static <T> java.util.List<T> reversed(java.util.List<T> items) {
        java.util.List<T> copy = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
