package io.openclaw.hq.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Jobs end to end: a git repository made here and allowlisted by its file URL (runner-service reads
 * its allowlists again on every submission), a review bundle submitted from the Jobs page in
 * headless Chromium and followed to its end, its badges and artifacts; the same through
 * {@code ./hq jobs} against the suite's runner-service.
 */
class JobsEndToEndTest {

    static final String REPO = "e2e-orb";
    static final String MARKER = "e2e change marker 42";

    static Suite suite;
    static Browser browser;
    static String base;
    static String head;

    @BeforeAll
    static void start() throws Exception {
        suite = Suite.get();
        Path git = suite.root.resolve("e2e-git/" + REPO);
        Files.createDirectories(git.resolve("src"));
        run(git, "git", "init", "-q", "-b", "main");
        Files.writeString(git.resolve("README.md"), "# e2e ORB fixture\n");
        Files.writeString(git.resolve("src/app.txt"), "first line\n");
        commit(git, "first");
        base = run(git, "git", "rev-parse", "HEAD").strip();
        Files.writeString(git.resolve("src/app.txt"), "first line\n" + MARKER + "\n");
        commit(git, "second");
        head = run(git, "git", "rev-parse", "HEAD").strip();
        // the suite's copy of config/: the shipped repository plus this one, filed under a project
        Files.writeString(suite.config.resolve("repo_allowlist.json"), """
                { "repos": {
                    "algo-nt8-orb": { "url": "https://git.example.org/openclaw/algo-nt8-orb.git" },
                    "%s": { "url": "file://%s", "description": "made by JobsEndToEndTest",
                            "project": "clip_factory_monitoring" } } }
                """.formatted(REPO, git.toAbsolutePath()));
        browser = new Browser(suite.gateway());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aReviewBundleSubmittedFromTheJobsPageIsFollowedToItsArtifactsAndBadges() {
        browser.width(1280);
        browser.logInAsOperator();
        String jobId = submitFromThePage("orb_review_bundle", List.of("SINCE_SHA", base));
        JsonNode job = suite.backend("runner-service", "/jobs/" + jobId);
        assertThat(job.path("status").asText()).isEqualTo("success");
        assertThat(job.path("sha").asText()).isEqualTo(head);
        assertThat(job.path("trigger").asText()).isEqualTo("web");
        assertThat(job.path("actor").asText()).isEqualTo(SuiteBrowserTest.fingerprint(Suite.CONSOLE_TOKEN));

        assertThat(badge("read_only_ok")).isEqualTo("read_only_ok ✓");
        assertThat(badge("clean_tree_ok")).isEqualTo("clean_tree_ok ✓");
        assertThat(browser.driver.findElement(By.id("job-sha")).getText()).isEqualTo(head);
        assertThat(browser.driver.findElement(By.id("output")).getText()).isNotBlank();
        String runId = job.path("runId").asText();
        assertThat(browser.driver.findElement(By.id("job-actor")).getText()).contains(job.path("actor").asText(), "web");
        browser.shot("e2e-job-review-1280");

        // its artifacts, through the artifacts feature: the bundle holds the reviewed change
        WebElement bundle = browser.driver.findElement(
                By.cssSelector("#job-artifacts a[href='/artifacts/runner/" + runId + "/outputs/REVIEW_BUNDLE.txt']"));
        bundle.click();
        browser.waitFor(Duration.ofSeconds(20)).until(d -> d.getPageSource().contains(MARKER));
        browser.shot("e2e-job-review-bundle-1280");

        // the project card lists it
        browser.open("/projects");
        browser.waitFor(Duration.ofSeconds(20)).until(d -> d.findElements(
                By.cssSelector(".project-jobs[data-project='clip_factory_monitoring'] li[data-job='" + jobId + "']")).size() == 1);
    }

    @Test
    void onAPhoneASizeCapJobShowsItsWarningBadgeAndPackets() {
        browser.width(390);
        browser.logInAsOperator();
        browser.open("/jobs");
        assertThat(browser.horizontalOverflow()).as("/jobs at 390 px").isLessThanOrEqualTo(0);
        String jobId = submitFromThePage("orb_review_bundle", List.of("SINCE_SHA", base, "FORCE_SIZE_CAP", "1"));
        assertThat(badge("SIZE_CAP_EXCEEDED")).isEqualTo("SIZE_CAP_EXCEEDED");
        assertThat(badge("clean_tree_ok")).isEqualTo("clean_tree_ok ✓");
        String runId = suite.backend("runner-service", "/jobs/" + jobId).path("runId").asText();
        assertThat(browser.driver.findElements(By.cssSelector("#job-artifacts a[href$='ORB_REVIEW_PACKETS.tar.gz']")))
                .as("the packets' archive among the artifacts of run " + runId).hasSize(1);
        assertThat(browser.horizontalOverflow()).as("the job's page at 390 px").isLessThanOrEqualTo(0);
        browser.shot("e2e-job-size-cap-390");
    }

    @Test
    void theHqJobsCommandsRunTheReferenceHelperAndRefuseOffPatternParams() throws Exception {
        Result review = hqJobs("orb-review", "--repo", REPO, "--since", base, "--timeout", "180");
        assertThat(review.exit).as(review.toString()).isZero();
        assertThat(review.out).contains("read_only_ok true  clean_tree_ok true",
                suite.artifacts.toString() + "/runner/").contains("/outputs/REVIEW_BUNDLE.txt");
        assertThat(review.err).contains("success");

        Result refused = hqJobs("submit", "--type", "orb_review_bundle", "--repo", REPO, "--param", "SINCE_SHA=$(id)");
        assertThat(refused.exit).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err).contains("job not queued: runner-service answered 400", "SINCE_SHA");

        Result unknown = hqJobs("show", "job-20000101T000000Z-00000000");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("runner-service answered 404");
    }

    /** Fills the job type's form on /jobs, submits it, and waits on the job's page for its end. */
    private static String submitFromThePage(String jobType, List<String> params) {
        browser.open("/jobs");
        WebElement details = browser.driver.findElement(By.cssSelector("details[data-job-type='" + jobType + "']"));
        details.findElement(By.tagName("summary")).click();
        new Select(details.findElement(By.name("repo"))).selectByValue(REPO);
        for (int i = 0; i < params.size(); i += 2) {
            details.findElement(By.name("param." + params.get(i))).sendKeys(params.get(i + 1));
        }
        details.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(Duration.ofSeconds(30)).until(ExpectedConditions.urlMatches("/jobs/job-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$"));
        String url = browser.driver.getCurrentUrl();
        String jobId = url.substring(url.lastIndexOf('/') + 1);
        // the page follows the job (queued → running → its end) by itself
        browser.waitFor(Duration.ofSeconds(180)).until(d -> {
            String status = d.findElement(By.id("job-status")).getAttribute("data-status");
            return status != null && !status.equals("queued") && !status.equals("running");
        });
        assertThat(browser.driver.findElement(By.id("job-status")).getAttribute("data-status")).as(jobId).isEqualTo("success");
        return jobId;
    }

    private static String badge(String name) {
        return browser.driver.findElement(By.cssSelector("#job-badges [data-badge='" + name + "']")).getText();
    }

    record Result(int exit, String out, String err) {
    }

    /** {@code ./hq jobs ARGS} as ./hq runs it (ops/jobs.sh sourced), pointed at the suite's runner-service. */
    private static Result hqJobs(String... args) throws Exception {
        String preamble = """
                set -euo pipefail
                say() { printf 'hq: %s\\n' "$*"; }
                warn() { printf 'hq: %s\\n' "$*" >&2; }
                fail() { printf 'hq: error: %s\\n' "$*" >&2; exit 1; }
                declare -A PORT=([runner-service]=0)
                SECRETS_DIR=$E2E_SECRETS ARTIFACTS_DIR=$E2E_ARTIFACTS
                source "$E2E_REPO/ops/jobs.sh"
                cmd_jobs "$@"
                """;
        List<String> command = new ArrayList<>(List.of("bash", "-c", preamble, "hq"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("E2E_SECRETS", suite.secrets.toString());
        pb.environment().put("E2E_ARTIFACTS", suite.artifacts.toString());
        pb.environment().put("E2E_REPO", suite.repo.toString());
        pb.environment().put("HQ_RUNNER_URL", suite.url("runner-service"));
        Path out = Files.createTempFile("hq-jobs", ".out");
        Path err = Files.createTempFile("hq-jobs", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("./hq jobs " + String.join(" ", args) + " ended").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void commit(Path git, String message) throws IOException, InterruptedException {
        run(git, "git", "add", "-A");
        run(git, "git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "-q", "-m", message);
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
