package io.openclaw.hq.soma.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.service.SomaFailure;
import io.openclaw.hq.soma.snapshot.Library;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The headless-Chromium snapshot: signs in to the Kajabi admin with the stored session (a cookie
 * set through the driver, so the token is never on a command line, in a log or in an artifact),
 * opens the product's page and each of its courses, and reads them into the same {@link Library}
 * the API reader builds. Chromium's profile (where the cookie would persist) is a temporary folder
 * deleted afterwards. No Chromium or chromedriver, a refused session, or a page that lacks what the
 * reader needs fails the run saying which.
 *
 * <p>What it reads of a page ({@link AdminPageModel}): the admin marks itself with
 * {@code [data-kajabi-admin]}; a product page links its courses with {@code [data-course-id]}; a
 * course page holds {@code [data-module-id]} elements with their {@code [data-lesson-id]} lessons
 * and those lessons' {@code [data-media-id]} media, each with {@code data-title},
 * {@code data-position}, {@code data-published}.
 */
public final class AdminPageReader {

    /** The flags the suite's own browser tests run Chromium with: no sandbox (root in a container), nothing phoning home. */
    static final List<String> CHROMIUM_FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--disable-quic");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The library read, and how many pages it took. */
    public record Result(Library library, int pages) {
    }

    private final SomaFile.BrowserFallback settings;
    private final Consumer<String> log;

    public AdminPageReader(SomaFile.BrowserFallback settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    public Result read(SomaFile.Product product, String session) {
        Path chromium = Path.of(settings.chromiumOrDefault());
        Path chromedriver = Path.of(settings.chromedriverOrDefault());
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            throw new SomaFailure("the Kajabi browser fallback is on (browserFallback.enabled) but "
                    + (!Files.isExecutable(chromium) ? "there is no Chromium at " + chromium
                            : "there is no chromedriver at " + chromedriver)
                    + ": install chromium and chromium-driver where the service runs, or turn the fallback off");
        }
        Path profile = temporaryProfile();
        ChromeDriver driver = null;
        try {
            driver = start(chromium, chromedriver, profile);
            return read(driver, product, session);
        } finally {
            if (driver != null) {
                try {
                    driver.quit();
                } catch (WebDriverException ignored) {
                    // Chromium already gone; the profile is removed below either way
                }
            }
            deleteTree(profile);
        }
    }

    private ChromeDriver start(Path chromium, Path chromedriver, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        List<String> flags = new ArrayList<>(CHROMIUM_FLAGS);
        flags.add("--user-data-dir=" + profile);
        flags.add("--window-size=1280,900");
        options.addArguments(flags);
        // chromedriver's own log would list every command, the cookie among them: it goes nowhere
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(settings.pageTimeoutOrDefault()));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(settings.pageTimeoutOrDefault()));
            return driver;
        } catch (WebDriverException e) {
            throw new SomaFailure("Chromium did not start for the Kajabi browser fallback: " + firstLine(e));
        }
    }

    private Result read(ChromeDriver driver, SomaFile.Product product, String session) {
        String admin = settings.adminUrl();
        // a cookie can only be set on the site's own origin: open it first, then hand the session over through the driver
        open(driver, admin + "/");
        try {
            driver.manage().addCookie(new Cookie.Builder(settings.sessionCookieOrDefault(), session).path("/")
                    .isHttpOnly(true).isSecure(admin.startsWith("https:")).build());
        } catch (WebDriverException e) {
            // the driver's message repeats the command, cookie value included: only the exception's kind is told
            throw new SomaFailure("the browser would not take the Kajabi session cookie (" + e.getClass().getSimpleName() + ")");
        }
        int pages = 1;
        String productUrl = admin + settings.productPathOrDefault().replace("{productId}", encode(product.kajabiProductId()));
        open(driver, productUrl);
        pages++;
        JsonNode productPage = model(driver, AdminPageModel.PRODUCT_SCRIPT, productUrl);
        List<String> courseIds = AdminPageModel.courseIds(productPage, productUrl);
        log.accept(product.name() + ": " + courseIds.size() + " course(s) on the admin's product page");
        List<Library.Course> courses = new ArrayList<>();
        for (String courseId : courseIds) {
            String courseUrl = admin + settings.coursePathOrDefault().replace("{courseId}", encode(courseId));
            open(driver, courseUrl);
            pages++;
            Library.Course course = AdminPageModel.course(model(driver, AdminPageModel.COURSE_SCRIPT, courseUrl), courseId,
                    courseUrl);
            log.accept("course " + course.id() + ": " + course.modules().size() + " module(s), "
                    + course.modules().stream().mapToInt(m -> m.lessons().size()).sum() + " lesson(s) from its admin page");
            courses.add(course);
        }
        courses.sort(Comparator.comparing(Library.Course::id));
        Library.Product ref = new Library.Product(product.name(), product.slug(), product.kajabiProductId());
        return new Result(new Library(ref, List.copyOf(courses), Library.count(courses)), pages);
    }

    private static void open(ChromeDriver driver, String url) {
        try {
            driver.get(url);
        } catch (WebDriverException e) {
            throw new SomaFailure("the Kajabi admin page " + url + " did not load in Chromium: " + firstLine(e));
        }
    }

    /** The page's content as the model script reads it; a page that is not the signed-in admin fails closed. */
    private static JsonNode model(ChromeDriver driver, String script, String url) {
        Object answer;
        try {
            answer = ((JavascriptExecutor) driver).executeScript(script);
        } catch (WebDriverException e) {
            throw new SomaFailure("reading the Kajabi admin page " + url + " failed: " + firstLine(e));
        }
        JsonNode page;
        try {
            page = JSON.readTree(String.valueOf(answer));
        } catch (IOException e) {
            throw new SomaFailure("the Kajabi admin page " + url + " could not be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!page.path("signedIn").asBoolean(false)) {
            throw new SomaFailure("the Kajabi admin did not accept the stored session at " + url
                    + " (it showed " + (page.path("signIn").asBoolean(false) ? "its sign-in page" : "a page that is not the admin")
                    + "): sign in to Kajabi in a browser, copy the session cookie into the secret kajabi_session_token again");
        }
        return page;
    }

    /** The first line of a driver error: the driver's own words, without the command (and its arguments) it appends. */
    static String firstLine(WebDriverException e) {
        String message = String.valueOf(e.getRawMessage());
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("soma-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("creating Chromium's profile folder", e);
        }
    }

    /** Chromium's profile holds the session cookie once it has been set: it does not outlive the run. */
    private void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // reported below
        }
        if (Files.exists(root)) {
            log.accept("WARNING: Chromium's profile folder " + root + " could not be removed; it holds the Kajabi session"
                    + " cookie: delete it by hand");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
