package io.openclaw.hq.soma.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.openclaw.hq.soma.service.SomaFailure;
import io.openclaw.hq.soma.snapshot.Library;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the browser fallback reads of a Kajabi admin page, in one script per page (one round trip
 * to Chromium however large the course), and how that becomes the snapshot's {@link Library}:
 * ordered the way the API reader orders it (modules and lessons by position then id, media by id),
 * so the same library gives the same snapshot.json either way. An element without what the
 * snapshot needs fails the run naming the element and the attribute.
 */
final class AdminPageModel {

    /** Signed in (the admin's marker present), the sign-in form present, the courses the product page links. */
    static final String PRODUCT_SCRIPT = """
            const admin = document.querySelector('[data-kajabi-admin]') !== null;
            const signIn = document.querySelector('input[type=password]') !== null;
            const courses = Array.from(document.querySelectorAll('[data-course-id]')).map(e => e.getAttribute('data-course-id'));
            return JSON.stringify({signedIn: admin && !signIn, signIn: signIn, courses: courses});""";

    /** A course page: its title, and each module with its lessons and their media, as attributes. */
    static final String COURSE_SCRIPT = """
            const admin = document.querySelector('[data-kajabi-admin]') !== null;
            const signIn = document.querySelector('input[type=password]') !== null;
            const attrs = (e, names) => Object.fromEntries(names.map(n => [n, e.getAttribute(n)]));
            const course = document.querySelector('[data-course-id]');
            const modules = Array.from(document.querySelectorAll('[data-module-id]')).map(m => Object.assign(
              attrs(m, ['data-module-id', 'data-title', 'data-position', 'data-published']),
              {lessons: Array.from(m.querySelectorAll('[data-lesson-id]')).map(l => Object.assign(
                attrs(l, ['data-lesson-id', 'data-title', 'data-position', 'data-published']),
                {media: Array.from(l.querySelectorAll('[data-media-id]')).map(x =>
                  attrs(x, ['data-media-id', 'data-kind', 'data-filename', 'data-duration-seconds']))}))}));
            return JSON.stringify({signedIn: admin && !signIn, signIn: signIn,
              course: course ? attrs(course, ['data-course-id', 'data-title']) : null, modules: modules});""";

    private AdminPageModel() {
    }

    static List<String> courseIds(JsonNode page, String url) {
        List<String> ids = new ArrayList<>();
        JsonNode courses = page.path("courses");
        for (int i = 0; i < courses.size(); i++) {
            String id = courses.get(i).asText("");
            if (id.isBlank()) {
                throw malformed(url, "[data-course-id] #" + (i + 1), "data-course-id");
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    static Library.Course course(JsonNode page, String expectedId, String url) {
        JsonNode course = page.path("course");
        if (!course.isObject()) {
            throw new SomaFailure("Kajabi admin page malformed at " + url + ": no [data-course-id] element");
        }
        String id = text(course, "data-course-id", url, "the course");
        if (!id.equals(expectedId)) {
            throw new SomaFailure("Kajabi admin page " + url + " shows course " + id + ", not " + expectedId);
        }
        String title = text(course, "data-title", url, "course " + id);
        List<Library.Module> modules = new ArrayList<>();
        for (JsonNode m : page.path("modules")) {
            String moduleId = text(m, "data-module-id", url, "a module of course " + id);
            String where = "module " + moduleId;
            List<Library.Lesson> lessons = new ArrayList<>();
            for (JsonNode l : m.path("lessons")) {
                String lessonId = text(l, "data-lesson-id", url, "a lesson of " + where);
                String lessonWhere = "lesson " + lessonId;
                List<Library.Media> media = new ArrayList<>();
                for (JsonNode x : l.path("media")) {
                    String mediaId = text(x, "data-media-id", url, "a media of " + lessonWhere);
                    String duration = x.path("data-duration-seconds").asText(null);
                    media.add(new Library.Media(mediaId, text(x, "data-kind", url, "media " + mediaId),
                            x.path("data-filename").isTextual() ? x.get("data-filename").asText() : null,
                            duration == null ? null : number(duration, url, "media " + mediaId, "data-duration-seconds")));
                }
                media.sort(Comparator.comparing(Library.Media::id));
                lessons.add(new Library.Lesson(lessonId, text(l, "data-title", url, lessonWhere),
                        (int) number(text(l, "data-position", url, lessonWhere), url, lessonWhere, "data-position"),
                        bool(l, url, lessonWhere), List.copyOf(media)));
            }
            lessons.sort(Comparator.comparingInt(Library.Lesson::position).thenComparing(Library.Lesson::id));
            modules.add(new Library.Module(moduleId, text(m, "data-title", url, where),
                    (int) number(text(m, "data-position", url, where), url, where, "data-position"), bool(m, url, where),
                    List.copyOf(lessons)));
        }
        modules.sort(Comparator.comparingInt(Library.Module::position).thenComparing(Library.Module::id));
        return new Library.Course(id, title, List.copyOf(modules));
    }

    private static String text(JsonNode element, String attribute, String url, String what) {
        JsonNode value = element.path(attribute);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw malformed(url, what, attribute);
        }
        return value.asText();
    }

    private static long number(String value, String url, String what, String attribute) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new SomaFailure("Kajabi admin page malformed at " + url + ": " + what + " has " + attribute + "=\""
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\", not a whole number");
        }
    }

    private static boolean bool(JsonNode element, String url, String what) {
        String value = text(element, "data-published", url, what);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SomaFailure("Kajabi admin page malformed at " + url + ": " + what
                    + " has data-published=\"" + value + "\", not true or false");
        };
    }

    private static SomaFailure malformed(String url, String what, String attribute) {
        return new SomaFailure("Kajabi admin page malformed at " + url + ": " + what + " lacks " + attribute);
    }
}
