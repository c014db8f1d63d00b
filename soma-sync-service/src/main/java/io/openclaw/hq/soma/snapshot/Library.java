package io.openclaw.hq.soma.snapshot;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One product's library as snapshot.json holds it: courses, their modules by position, each
 * module's lessons by position, each lesson's media. Only what the library is made of, nothing of
 * when it was read, so two snapshots of an unchanged library are the same bytes.
 */
@RegisterForReflection
public record Library(Product product, List<Course> courses, Counts counts) {

    @RegisterForReflection
    public record Product(String name, String slug, String kajabiProductId) {
    }

    @RegisterForReflection
    public record Course(String id, String title, List<Module> modules) {
    }

    @RegisterForReflection
    public record Module(String id, String title, int position, boolean published, List<Lesson> lessons) {
    }

    @RegisterForReflection
    public record Lesson(String id, String title, int position, boolean published, List<Media> media) {
    }

    @RegisterForReflection
    public record Media(String id, String kind, String filename, Long durationSeconds) {
    }

    @RegisterForReflection
    public record Counts(int courses, int modules, int lessons, int media) {
    }

    public static Counts count(List<Course> courses) {
        int modules = 0;
        int lessons = 0;
        int media = 0;
        for (Course c : courses) {
            modules += c.modules().size();
            for (Module m : c.modules()) {
                lessons += m.lessons().size();
                for (Lesson l : m.lessons()) {
                    media += l.media().size();
                }
            }
        }
        return new Counts(courses.size(), modules, lessons, media);
    }
}
