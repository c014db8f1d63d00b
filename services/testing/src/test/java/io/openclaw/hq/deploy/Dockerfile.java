package io.openclaw.hq.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile as its instructions, grouped by build stage: comments dropped, continuation lines
 * joined, and ARG defaults declared before the first FROM substituted into the FROM lines.
 */
final class Dockerfile {

    record Instruction(String keyword, String arguments) {
    }

    /** One FROM and the instructions under it. */
    record Stage(String image, String name, List<Instruction> instructions) {

        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }

        String lastUser() {
            List<String> users = all("USER");
            return users.isEmpty() ? "" : users.get(users.size() - 1);
        }
    }

    private static final Pattern FROM = Pattern.compile("(?i)^(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

    private final List<Stage> stages;

    private Dockerfile(List<Stage> stages) {
        this.stages = stages;
    }

    static Dockerfile parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> globalArgs = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        for (String line : joinContinuations(lines)) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            String arguments = parts.length > 1 ? parts[1].strip() : "";
            if (keyword.equals("FROM")) {
                Matcher from = FROM.matcher(arguments);
                if (!from.matches()) {
                    throw new IllegalArgumentException(file + ": cannot read FROM " + arguments);
                }
                current = new ArrayList<>();
                stages.add(new Stage(substitute(from.group(1), globalArgs), from.group(2), current));
            } else if (current == null) {
                if (keyword.equals("ARG") && arguments.contains("=")) {
                    int eq = arguments.indexOf('=');
                    globalArgs.put(arguments.substring(0, eq).strip(), arguments.substring(eq + 1).strip());
                }
            } else {
                current.add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(stages);
    }

    List<Stage> stages() {
        return stages;
    }

    Stage finalStage() {
        if (stages.isEmpty()) {
            throw new AssertionError("no FROM at all");
        }
        return stages.get(stages.size() - 1);
    }

    private static List<String> joinContinuations(List<String> lines) {
        List<String> joined = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.length() == 0)) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            if (pending.length() > 0) {
                joined.add(pending.toString().strip());
            }
            pending.setLength(0);
        }
        if (pending.length() > 0) {
            joined.add(pending.toString().strip());
        }
        return joined;
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(args.getOrDefault(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
