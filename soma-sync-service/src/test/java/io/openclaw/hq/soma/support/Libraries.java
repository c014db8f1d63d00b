package io.openclaw.hq.soma.support;

import io.openclaw.hq.soma.snapshot.Library;
import java.util.ArrayList;
import java.util.List;

/**
 * Libraries written as one line, for table tests: modules split by {@code |}, a module
 * {@code id:Title=lessons}, lessons split by {@code ,}, a lesson {@code id:Title}; a trailing
 * {@code ~} marks a draft. {@code "m1:Basics=l1:Intro,l2:Breath~|m2:Flow="}
 */
public final class Libraries {

    private Libraries() {
    }

    public static Library parse(String slug, String spec) {
        List<Library.Module> modules = new ArrayList<>();
        int modulePosition = 1;
        for (String moduleSpec : spec.split("\\|")) {
            String[] headAndLessons = moduleSpec.split("=", -1);
            Item head = item(headAndLessons[0]);
            List<Library.Lesson> lessons = new ArrayList<>();
            int lessonPosition = 1;
            if (headAndLessons.length > 1 && !headAndLessons[1].isBlank()) {
                for (String lessonSpec : headAndLessons[1].split(",")) {
                    Item l = item(lessonSpec);
                    lessons.add(new Library.Lesson(l.id, l.title, lessonPosition++, l.published, List.of()));
                }
            }
            modules.add(new Library.Module(head.id, head.title, modulePosition++, head.published, List.copyOf(lessons)));
        }
        List<Library.Course> courses = List.of(new Library.Course("c-" + slug, "Course " + slug, List.copyOf(modules)));
        return new Library(new Library.Product(slug, slug, "prod-" + slug), courses, Library.count(courses));
    }

    /** The same library with {@code media} attached to lesson {@code lessonId}. */
    public static Library withMedia(Library library, String lessonId, Library.Media... media) {
        List<Library.Course> courses = new ArrayList<>();
        for (Library.Course c : library.courses()) {
            List<Library.Module> modules = new ArrayList<>();
            for (Library.Module m : c.modules()) {
                modules.add(new Library.Module(m.id(), m.title(), m.position(), m.published(), m.lessons().stream()
                        .map(l -> l.id().equals(lessonId) ? new Library.Lesson(l.id(), l.title(), l.position(), l.published(),
                                List.of(media)) : l).toList()));
            }
            courses.add(new Library.Course(c.id(), c.title(), modules));
        }
        return new Library(library.product(), courses, Library.count(courses));
    }

    private record Item(String id, String title, boolean published) {
    }

    private static Item item(String spec) {
        String s = spec.strip();
        boolean draft = s.endsWith("~");
        if (draft) {
            s = s.substring(0, s.length() - 1);
        }
        int colon = s.indexOf(':');
        return new Item(s.substring(0, colon), s.substring(colon + 1), !draft);
    }
}
