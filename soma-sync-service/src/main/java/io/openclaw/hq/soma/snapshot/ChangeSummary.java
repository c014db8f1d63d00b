package io.openclaw.hq.soma.snapshot;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in a library since its previous good snapshot, matched by Kajabi id: modules and
 * lessons added, removed, renamed, moved (another module, or another position) and published or
 * unpublished. {@code previousRunId} is null for a first snapshot, where everything is "added".
 */
@RegisterForReflection
public record ChangeSummary(String previousRunId, List<Change> added, List<Change> removed, List<Change> renamed,
        List<Change> moved, List<Change> publishState) {

    /** One change; {@code from}/{@code to} say what it was and is (title, place, publish state). */
    @RegisterForReflection
    public record Change(String level, String id, String title, String from, String to) {
    }

    public int total() {
        return added.size() + removed.size() + renamed.size() + moved.size() + publishState.size();
    }

    public String oneLine() {
        if (previousRunId == null) {
            return "first snapshot";
        }
        return total() == 0 ? "unchanged since " + previousRunId
                : "since " + previousRunId + ": " + added.size() + " added, " + removed.size() + " removed, "
                        + renamed.size() + " renamed, " + moved.size() + " moved, " + publishState.size()
                        + " publish change(s)";
    }

    public static ChangeSummary between(String previousRunId, Library previous, Library current) {
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> renamed = new ArrayList<>();
        List<Change> moved = new ArrayList<>();
        List<Change> publish = new ArrayList<>();
        Map<String, Placed> before = previous == null ? Map.of() : index(previous);
        Map<String, Placed> after = index(current);
        after.forEach((key, now) -> {
            Placed was = before.get(key);
            if (was == null) {
                added.add(new Change(now.level, now.id, now.title, null, now.place));
                return;
            }
            if (!was.title.equals(now.title)) {
                renamed.add(new Change(now.level, now.id, now.title, was.title, now.title));
            }
            if (!was.place.equals(now.place)) {
                moved.add(new Change(now.level, now.id, now.title, was.place, now.place));
            }
            if (was.published != now.published) {
                publish.add(new Change(now.level, now.id, now.title, state(was.published), state(now.published)));
            }
        });
        before.forEach((key, was) -> {
            if (!after.containsKey(key)) {
                removed.add(new Change(was.level, was.id, was.title, was.place, null));
            }
        });
        return new ChangeSummary(previousRunId, sorted(added), sorted(removed), sorted(renamed), sorted(moved),
                sorted(publish));
    }

    private record Placed(String level, String id, String title, String place, boolean published) {
    }

    private static Map<String, Placed> index(Library library) {
        Map<String, Placed> index = new HashMap<>();
        for (Library.Course course : library.courses()) {
            for (Library.Module m : course.modules()) {
                index.put("module:" + m.id(), new Placed("module", m.id(), m.title(),
                        "course " + course.id() + " #" + m.position(), m.published()));
                for (Library.Lesson l : m.lessons()) {
                    index.put("lesson:" + l.id(), new Placed("lesson", l.id(), l.title(),
                            "module " + m.id() + " #" + l.position(), l.published()));
                }
            }
        }
        return index;
    }

    private static String state(boolean published) {
        return published ? "published" : "draft";
    }

    private static List<Change> sorted(List<Change> changes) {
        changes.sort(Comparator.comparing(Change::level).thenComparing(Change::id));
        return List.copyOf(changes);
    }
}
