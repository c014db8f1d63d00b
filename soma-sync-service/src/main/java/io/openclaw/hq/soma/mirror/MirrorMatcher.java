package io.openclaw.hq.soma.mirror;

import io.openclaw.hq.soma.snapshot.Library;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the modules and lessons of two libraries and lists how they differ. Pairing, in order:
 * the identity map kept from earlier runs (so a rename stays a rename), then equal normalised
 * titles (a lesson prefers a twin in its module's twin, then the nearest place), then the same
 * place in paired parents. Order drift is what falls outside the longest run of pairs that keep
 * their relative order, so one inserted module does not make every later one "drift". Pure logic:
 * no I/O, linear in the size of the libraries apart from duplicate titles.
 */
public final class MirrorMatcher {

    public record Result(List<IdentityPair> pairs, List<MirrorFinding> findings) {
    }

    private record Node(String id, String title, String norm, boolean published, String parentId, String parentTitle,
            int ordinal) {

        MirrorFinding.Item item() {
            return new MirrorFinding.Item(id, title, parentTitle, ordinal + 1, published);
        }
    }

    private static final List<String> KIND_ORDER = List.of("missing_in_target", "missing_in_source", "title_mismatch",
            "order_drift", "publish_drift");

    private MirrorMatcher() {
    }

    public static Result compare(Library source, Library target, Map<String, String> knownModules,
            Map<String, String> knownLessons) {
        List<Node> sourceModules = modules(source);
        List<Node> targetModules = modules(target);
        List<Node> sourceLessons = lessons(source);
        List<Node> targetLessons = lessons(target);

        List<IdentityPair> pairs = new ArrayList<>();
        Map<String, String> modulePairs = match("module", sourceModules, targetModules, knownModules, Map.of(), pairs);
        Map<String, String> lessonPairs = match("lesson", sourceLessons, targetLessons, knownLessons, modulePairs, pairs);

        List<MirrorFinding> findings = new ArrayList<>();
        differences("module", sourceModules, targetModules, modulePairs, Map.of(), findings);
        differences("lesson", sourceLessons, targetLessons, lessonPairs, modulePairs, findings);
        findings.sort(Comparator.comparingInt((MirrorFinding f) -> KIND_ORDER.indexOf(f.kind()))
                .thenComparingInt(f -> "module".equals(f.level()) ? 0 : 1));
        return new Result(List.copyOf(pairs), List.copyOf(findings));
    }

    private static Map<String, String> match(String level, List<Node> sources, List<Node> targets,
            Map<String, String> known, Map<String, String> parentPairs, List<IdentityPair> pairs) {
        Map<String, Node> targetById = new HashMap<>();
        targets.forEach(t -> targetById.put(t.id, t));
        Map<String, String> paired = new LinkedHashMap<>();
        Map<String, Boolean> taken = new HashMap<>();

        for (Node s : sources) {
            String twin = known.get(s.id);
            if (twin != null && targetById.containsKey(twin) && taken.putIfAbsent(twin, true) == null) {
                paired.put(s.id, twin);
                pairs.add(new IdentityPair(level, s.id, twin, "identity"));
            }
        }

        Map<String, List<Node>> byTitle = new HashMap<>();
        for (Node t : targets) {
            if (!taken.containsKey(t.id)) {
                byTitle.computeIfAbsent(t.norm, k -> new ArrayList<>()).add(t);
            }
        }
        for (Node s : sources) {
            if (paired.containsKey(s.id)) {
                continue;
            }
            List<Node> candidates = byTitle.get(s.norm);
            if (candidates == null) {
                continue;
            }
            String preferredParent = s.parentId == null ? null : parentPairs.get(s.parentId);
            Node best = null;
            long bestScore = Long.MAX_VALUE;
            for (Node c : candidates) {
                if (taken.containsKey(c.id)) {
                    continue;
                }
                long score = (preferredParent != null && preferredParent.equals(c.parentId) ? 0 : 1_000_000_000L)
                        + Math.abs(c.ordinal - s.ordinal);
                if (score < bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            if (best != null) {
                taken.put(best.id, true);
                paired.put(s.id, best.id);
                pairs.add(new IdentityPair(level, s.id, best.id, "title"));
            }
        }

        Map<String, Node> freeByPlace = new HashMap<>();
        for (Node t : targets) {
            if (!taken.containsKey(t.id)) {
                freeByPlace.put(t.parentId + "#" + t.ordinal, t);
            }
        }
        for (Node s : sources) {
            if (paired.containsKey(s.id)) {
                continue;
            }
            String parent = s.parentId == null ? null : parentPairs.get(s.parentId);
            if (s.parentId != null && parent == null) {
                continue;
            }
            Node t = freeByPlace.get(parent + "#" + s.ordinal);
            if (t != null && !taken.containsKey(t.id)) {
                taken.put(t.id, true);
                paired.put(s.id, t.id);
                pairs.add(new IdentityPair(level, s.id, t.id, "position"));
            }
        }
        return paired;
    }

    private static void differences(String level, List<Node> sources, List<Node> targets, Map<String, String> paired,
            Map<String, String> parentPairs, List<MirrorFinding> findings) {
        Map<String, Node> targetById = new HashMap<>();
        targets.forEach(t -> targetById.put(t.id, t));
        java.util.Set<String> pairedTargets = new java.util.HashSet<>(paired.values());

        for (Node s : sources) {
            if (!paired.containsKey(s.id)) {
                findings.add(new MirrorFinding("missing_in_target", level, s.item(), null, null));
            }
        }
        for (Node t : targets) {
            if (!pairedTargets.contains(t.id)) {
                findings.add(new MirrorFinding("missing_in_source", level, null, t.item(), null));
            }
        }
        // order: pairs grouped by parent pair (one group for modules), judged by their longest ordered run
        Map<String, List<Node[]>> groups = new LinkedHashMap<>();
        for (Node s : sources) {
            String twin = paired.get(s.id);
            if (twin == null) {
                continue;
            }
            Node t = targetById.get(twin);
            if (!s.title.strip().equals(t.title.strip())) {
                findings.add(new MirrorFinding("title_mismatch", level, s.item(), t.item(),
                        Titles.normalise(s.title).equals(t.norm) ? "differs only in case, accents or punctuation" : null));
            }
            if (s.published != t.published) {
                findings.add(new MirrorFinding("publish_drift", level, s.item(), t.item(),
                        (s.published ? "published" : "draft") + " in source, " + (t.published ? "published" : "draft")
                                + " in target"));
            }
            if (s.parentId != null && !t.parentId.equals(parentPairs.get(s.parentId))) {
                findings.add(new MirrorFinding("order_drift", level, s.item(), t.item(),
                        "in module '" + s.parentTitle + "' in source, '" + t.parentTitle + "' in target"));
                continue;
            }
            groups.computeIfAbsent(s.parentId == null ? "" : s.parentId, k -> new ArrayList<>()).add(new Node[] {s, t});
        }
        for (List<Node[]> group : groups.values()) {
            int[] targetOrdinals = group.stream().mapToInt(p -> p[1].ordinal).toArray();
            boolean[] inOrder = longestIncreasingRun(targetOrdinals);
            for (int i = 0; i < group.size(); i++) {
                if (!inOrder[i]) {
                    Node s = group.get(i)[0];
                    Node t = group.get(i)[1];
                    findings.add(new MirrorFinding("order_drift", level, s.item(), t.item(),
                            "place " + (s.ordinal + 1) + " in source, " + (t.ordinal + 1) + " in target"));
                }
            }
        }
    }

    /** Marks the members of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
    static boolean[] longestIncreasingRun(int[] values) {
        int n = values.length;
        int[] tails = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[tails[mid]] < values[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == length) {
                length++;
            }
        }
        boolean[] member = new boolean[n];
        Arrays.fill(member, false);
        for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) {
            member[i] = true;
        }
        return member;
    }

    private static List<Node> modules(Library library) {
        List<Node> nodes = new ArrayList<>();
        for (Library.Course c : library.courses()) {
            for (Library.Module m : c.modules()) {
                nodes.add(new Node(m.id(), m.title(), Titles.normalise(m.title()), m.published(), null, c.title(),
                        nodes.size()));
            }
        }
        return nodes;
    }

    private static List<Node> lessons(Library library) {
        List<Node> nodes = new ArrayList<>();
        for (Library.Course c : library.courses()) {
            for (Library.Module m : c.modules()) {
                int ordinal = 0;
                for (Library.Lesson l : m.lessons()) {
                    nodes.add(new Node(l.id(), l.title(), Titles.normalise(l.title()), l.published(), m.id(), m.title(),
                            ordinal++));
                }
            }
        }
        return nodes;
    }
}
