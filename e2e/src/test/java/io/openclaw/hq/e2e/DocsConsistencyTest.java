package io.openclaw.hq.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The canonical documents hold to what is in the repository (operating rule 1), without booting
 * anything: every {@code ./hq} command in docs/OPS_INDEX.md exists and answers {@code --help}, and
 * every command {@code ./hq} accepts is in OPS_INDEX (so a command added later must be listed there);
 * every script path OPS_INDEX names exists; every relative link in docs/ and README.md resolves and
 * no document cites a Markdown file the repository does not have; every rule of
 * docs/SECURITY_CONTRACT.md names at least one test, {@code Class#method}, that exists in the source tree.
 */
class DocsConsistencyTest {

    private static final Path ROOT = repositoryRoot();
    private static final Pattern HQ_COMMAND = Pattern.compile("`\\./hq ([a-z][a-z0-9-]*)((?: [a-z][a-z0-9-]*)?)");
    private static final Pattern SCRIPT_PATH = Pattern.compile("`((?:\\./)?(?:[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]+\\.sh)\\b");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern CAPS_MD = Pattern.compile("\\b((?:[A-Za-z0-9_-]+/)*[A-Z][A-Z0-9_]+\\.md)\\b");
    private static final Pattern TEST_REF = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9_]*)`");
    private static final Pattern RULE_ROW = Pattern.compile("^\\|\\s*([0-9]+(?:\\.[0-9]+)?|[A-Z]?[0-9]+)\\s*\\|.*$");
    private static final Set<String> NOT_COMMANDS = Set.of("-h", "--help", "help", "*");

    @Test
    void everyCommandInTheOpsIndexAnswersHelpAndEveryHqCommandIsListed() throws Exception {
        String index = read(ROOT.resolve("docs/OPS_INDEX.md"));
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        Matcher m = HQ_COMMAND.matcher(index);
        while (m.find()) {
            Set<String> subs = listed.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>());
            if (!m.group(2).isBlank()) {
                subs.add(m.group(2).strip());
            }
        }
        assertThat(listed).as("./hq commands in docs/OPS_INDEX.md").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> command : listed.entrySet()) {
            Result help = run("./hq", command.getKey(), "--help");
            if (help.exit() != 0 || help.output().isBlank()) {
                problems.add("./hq " + command.getKey() + " --help exited " + help.exit() + ": " + help.output().strip());
                continue;
            }
            for (String sub : command.getValue()) {
                if (!sub.startsWith("-") && !Pattern.compile("\\b" + Pattern.quote(sub) + "\\b").matcher(help.output()).find()) {
                    problems.add("./hq " + command.getKey() + " --help does not mention '" + sub + "'");
                }
            }
        }
        for (String accepted : hqCommands()) {
            if (!listed.containsKey(accepted)) {
                problems.add("./hq accepts '" + accepted + "' but docs/OPS_INDEX.md does not list it");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyScriptTheOpsIndexNamesExists() {
        String index = read(ROOT.resolve("docs/OPS_INDEX.md"));
        List<String> missing = new ArrayList<>();
        Matcher m = SCRIPT_PATH.matcher(index);
        int seen = 0;
        while (m.find()) {
            seen++;
            Path script = ROOT.resolve(m.group(1)).normalize();
            if (!Files.isRegularFile(script)) {
                missing.add(m.group(1));
            }
        }
        assertThat(seen).as("script paths in docs/OPS_INDEX.md").isPositive();
        assertThat(missing).as("scripts docs/OPS_INDEX.md names that are not in the repository").isEmpty();
    }

    @Test
    void everyRelativeLinkResolvesAndNoDocCitesAMissingMarkdownFile() {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            String text = read(doc);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue;
                }
                String file = target.replaceAll("#.*$", "");
                if (!Files.exists(doc.getParent().resolve(file).normalize())) {
                    broken.add(ROOT.relativize(doc) + ": link " + target);
                }
            }
            Matcher cited = CAPS_MD.matcher(text);
            while (cited.find()) {
                String name = cited.group(1);
                Path asWritten = doc.getParent().resolve(name).normalize();
                if (!Files.exists(asWritten) && !Files.exists(ROOT.resolve(name)) && !Files.exists(ROOT.resolve("docs").resolve(name))) {
                    broken.add(ROOT.relativize(doc) + ": cites " + name + ", which is not in the repository");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyRuleOfTheSecurityContractNamesATestThatExists() {
        String contract = read(ROOT.resolve("docs/SECURITY_CONTRACT.md"));
        Map<String, List<Path>> testClasses = testClassesByName();
        List<String> problems = new ArrayList<>();
        int rules = 0;
        for (String line : contract.lines().toList()) {
            Matcher row = RULE_ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            rules++;
            Matcher ref = TEST_REF.matcher(line);
            int refs = 0;
            while (ref.find()) {
                refs++;
                List<Path> files = testClasses.get(ref.group(1));
                Pattern method = Pattern.compile("\\bvoid " + Pattern.quote(ref.group(2)) + "\\s*\\(");
                if (files == null) {
                    problems.add("rule " + row.group(1) + ": no test class " + ref.group(1) + " in the source tree");
                } else if (files.stream().noneMatch(f -> method.matcher(read(f)).find())) {
                    problems.add("rule " + row.group(1) + ": " + ref.group(1) + " has no test method " + ref.group(2));
                }
            }
            if (refs == 0) {
                problems.add("rule " + row.group(1) + " names no test (`Class#method`)");
            }
        }
        assertThat(rules).as("numbered rules in docs/SECURITY_CONTRACT.md").isGreaterThanOrEqualTo(8);
        assertThat(problems).isEmpty();
    }

    /** The commands main() of ./hq dispatches: every name on the left of a case arm. */
    private static Set<String> hqCommands() {
        String hq = read(ROOT.resolve("hq"));
        int main = hq.indexOf("\nmain() {");
        assertThat(main).as("./hq has a main()").isPositive();
        String body = hq.substring(main, hq.indexOf("\n}", main));
        Set<String> commands = new LinkedHashSet<>();
        Matcher arm = Pattern.compile("(?m)^\\s{4}([a-z*-][a-z0-9 |*-]*)\\)").matcher(body);
        while (arm.find()) {
            for (String name : arm.group(1).split("\\|")) {
                String command = name.strip();
                if (!command.isEmpty() && !NOT_COMMANDS.contains(command)) {
                    commands.add(command);
                }
            }
        }
        assertThat(commands).as("commands of ./hq").contains("up", "down");
        return commands;
    }

    private static List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** Test classes by simple name; two modules may each have one of the same name. */
    private static Map<String, List<Path>> testClassesByName() {
        Map<String, List<Path>> classes = new LinkedHashMap<>();
        try {
            Files.walkFileTree(ROOT, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    // build output, local state and history hold no source
                    return Set.of("target", ".hq", ".git", "node_modules").contains(name)
                            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (f.toString().endsWith(".java") && f.toString().contains("/src/test/java/")) {
                        classes.computeIfAbsent(f.getFileName().toString().replace(".java", ""), k -> new ArrayList<>()).add(f);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "no answer within 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("hq")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (./hq and docs/) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
