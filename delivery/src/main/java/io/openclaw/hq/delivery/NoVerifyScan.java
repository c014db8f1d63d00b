package io.openclaw.hq.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds scripts of the repository that skip git hooks: a push or commit given git's flag that skips
 * them (it would skip the pre-push gate), in any tracked shell script, Python or Java source.
 * Documentation may mention the flag, and a check that looks for it (orb_doctor) may name it.
 */
public final class NoVerifyScan {

    /** Built from parts so this file itself holds no such flag. */
    static final String FLAG = "--no-" + "verify";
    /** push or commit as a word of its own (not pre-push): the commands whose hooks the flag skips. */
    private static final Pattern PUSH_OR_COMMIT = Pattern.compile("(?<![-\\w])(push|commit)(?![-\\w])");

    private NoVerifyScan() {
    }

    /** "path:line: text" for every occurrence in a tracked script. */
    public static List<String> findings(Git git) {
        List<String> found = new ArrayList<>();
        String files = git.out("ls-files", "-z");
        for (String name : files.split("\0")) {
            if (name.isBlank()) {
                continue;
            }
            Path file = git.dir().resolve(name);
            if (!Files.isRegularFile(file) || !isScript(name, file)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue; // not text
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(FLAG) && PUSH_OR_COMMIT.matcher(lines.get(i)).find()) {
                    found.add(name + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        return found;
    }

    static boolean isScript(String name, Path file) {
        if (name.endsWith(".sh") || name.endsWith(".bash") || name.endsWith(".java") || name.endsWith(".py")) {
            return true;
        }
        if (name.endsWith(".md") || name.endsWith(".json") || name.endsWith(".txt")) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == '#' && head[1] == '!';
        } catch (IOException e) {
            return false;
        }
    }
}
