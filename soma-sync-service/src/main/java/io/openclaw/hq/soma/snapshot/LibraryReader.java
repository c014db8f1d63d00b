package io.openclaw.hq.soma.snapshot;

import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.kajabi.JsonApiPage;
import io.openclaw.hq.soma.kajabi.JsonApiResource;
import io.openclaw.hq.soma.kajabi.KajabiClient;
import io.openclaw.hq.soma.kajabi.KajabiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one product from Kajabi into a canonical {@link Library}: the product's courses (modules
 * included), then each course's lessons (media included), every page of each. Modules and
 * lessons are ordered by position, then id; courses by id. A lesson naming a module its course
 * does not have fails the run: the snapshot would otherwise lose it silently.
 */
public final class LibraryReader {

    private final KajabiClient kajabi;
    private final SomaFile.Kajabi settings;
    private final Consumer<String> log;

    public LibraryReader(KajabiClient kajabi, SomaFile.Kajabi settings, Consumer<String> log) {
        this.kajabi = kajabi;
        this.settings = settings;
        this.log = log;
    }

    public Library read(SomaFile.Product product) throws InterruptedException {
        String size = "page%5Bsize%5D=" + settings.pageSizeOrDefault();
        List<JsonApiPage> coursePages = kajabi.list(settings.coursesPath() + "?filter%5Bproduct_id%5D="
                + encode(product.kajabiProductId()) + "&include=modules&" + size);
        Map<String, JsonApiResource> includedModules = new HashMap<>();
        List<JsonApiResource> courses = new ArrayList<>();
        for (JsonApiPage page : coursePages) {
            for (JsonApiResource r : page.data()) {
                if (!"courses".equals(r.type())) {
                    throw new KajabiException("Kajabi answer malformed at " + r.path() + ".type: expected \"courses\", was \""
                            + r.type() + "\" (" + r.source() + ")");
                }
                courses.add(r);
            }
            page.included().stream().filter(r -> "modules".equals(r.type())).forEach(r -> includedModules.put(r.id(), r));
        }
        log.accept(product.name() + ": " + courses.size() + " course(s) in " + coursePages.size() + " page(s)");

        List<Library.Course> result = new ArrayList<>();
        for (JsonApiResource course : courses) {
            result.add(readCourse(course, includedModules, size));
        }
        result.sort(Comparator.comparing(Library.Course::id));
        Library.Product ref = new Library.Product(product.name(), product.slug(), product.kajabiProductId());
        return new Library(ref, List.copyOf(result), Library.count(result));
    }

    private Library.Course readCourse(JsonApiResource course, Map<String, JsonApiResource> includedModules, String size)
            throws InterruptedException {
        String title = course.text("title");
        Map<String, JsonApiResource> modules = new LinkedHashMap<>();
        for (String moduleId : course.toMany("modules", "modules")) {
            JsonApiResource module = includedModules.get(moduleId);
            if (module == null) {
                throw new KajabiException("Kajabi answer incomplete: course " + course.id() + " names module " + moduleId
                        + " that no page included (" + course.path() + ".relationships.modules, " + course.source() + ")");
            }
            modules.put(moduleId, module);
        }
        Map<String, List<Library.Lesson>> lessonsByModule = new HashMap<>();
        modules.keySet().forEach(id -> lessonsByModule.put(id, new ArrayList<>()));
        List<JsonApiPage> lessonPages = kajabi.list(settings.lessonsPath().replace("{courseId}", encode(course.id()))
                + "?include=media&" + size);
        int lessonCount = 0;
        for (JsonApiPage page : lessonPages) {
            Map<String, JsonApiResource> media = new HashMap<>();
            page.included().stream().filter(r -> "media".equals(r.type())).forEach(r -> media.put(r.id(), r));
            for (JsonApiResource lesson : page.data()) {
                String moduleId = lesson.toOne("module", "modules");
                List<Library.Lesson> into = lessonsByModule.get(moduleId);
                if (into == null) {
                    throw new KajabiException("Kajabi answer inconsistent at " + lesson.path() + ".relationships.module: lesson "
                            + lesson.id() + " names module " + moduleId + " that course " + course.id()
                            + " does not list (" + lesson.source() + ")");
                }
                List<Library.Media> lessonMedia = new ArrayList<>();
                List<String> mediaIds = lesson.toMany("media", "media");
                for (int i = 0; i < mediaIds.size(); i++) {
                    JsonApiResource m = media.get(mediaIds.get(i));
                    if (m == null) {
                        throw new KajabiException("Kajabi answer incomplete at " + lesson.path() + ".relationships.media.data["
                                + i + "]: media " + mediaIds.get(i) + " is not in the page's included (" + lesson.source() + ")");
                    }
                    lessonMedia.add(new Library.Media(m.id(), m.text("kind"), m.optionalText("filename").orElse(null),
                            m.optionalLong("duration_seconds").orElse(null)));
                }
                lessonMedia.sort(Comparator.comparing(Library.Media::id));
                into.add(new Library.Lesson(lesson.id(), lesson.text("title"), lesson.integer("position"),
                        lesson.bool("published"), List.copyOf(lessonMedia)));
                lessonCount++;
            }
        }
        List<Library.Module> result = new ArrayList<>();
        for (JsonApiResource module : modules.values()) {
            List<Library.Lesson> lessons = lessonsByModule.get(module.id());
            lessons.sort(Comparator.comparingInt(Library.Lesson::position).thenComparing(Library.Lesson::id));
            result.add(new Library.Module(module.id(), module.text("title"), module.integer("position"),
                    module.bool("published"), List.copyOf(lessons)));
        }
        result.sort(Comparator.comparingInt(Library.Module::position).thenComparing(Library.Module::id));
        log.accept("course " + course.id() + ": " + result.size() + " module(s), " + lessonCount + " lesson(s) in "
                + lessonPages.size() + " page(s)");
        return new Library.Course(course.id(), title, List.copyOf(result));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
