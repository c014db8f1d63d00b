package io.openclaw.hq.soma.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.openclaw.hq.soma.config.SomaFile;
import io.openclaw.hq.soma.harvest.MailboxReader;
import io.openclaw.hq.soma.kajabi.KajabiClient;
import io.openclaw.hq.soma.kajabi.KajabiCredentials;
import io.openclaw.hq.soma.mirror.MirrorMatcher;
import io.openclaw.hq.soma.mirror.MirrorReport;
import io.openclaw.hq.soma.service.ArtifactFiles;
import io.openclaw.hq.soma.service.SomaSecrets;
import io.openclaw.hq.soma.snapshot.Library;
import io.openclaw.hq.soma.snapshot.LibraryReader;
import io.openclaw.hq.soma.support.KajabiFake;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The three figures of issue 13 (bench/soma/run.sh; excluded from the normal build by tag):
 * the mirror diff of two 20,000-lesson libraries, a snapshot of 2 × 500 lessons over the fake
 * Kajabi API at 50 per page against the fewest requests that paging allows, and a harvest of a
 * 5,000-message mailbox followed by one after 10 new messages. Results in target/bench-soma.json.
 */
@Tag("bench")
class SomaBench {

    private static final Map<String, Object> RESULTS = new LinkedHashMap<>();
    private static final int RUNS = Integer.getInteger("bench.runs", 30);

    @AfterAll
    static void write() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "bench-soma.json"), ArtifactFiles.canonicalJson(RESULTS));
    }

    // ---------------------------------------------------------------- mirror

    /** 400 modules of 50 lessons; the target renames 2 %, moves 1 % to another module, unpublishes 1 %, lacks 0.5 %. */
    static Library library(String prefix, boolean drifted) {
        List<Library.Module> modules = new ArrayList<>();
        for (int m = 0; m < 400; m++) {
            List<Library.Lesson> lessons = new ArrayList<>();
            for (int l = 0; l < 50; l++) {
                int n = m * 50 + l;
                String title = "Lesson " + n + " of module " + m;
                boolean published = true;
                if (drifted) {
                    if (n % 200 == 7) {
                        continue; // missing in the target
                    }
                    if (n % 50 == 3) {
                        title = title + " (updated)";
                    }
                    if (n % 100 == 11) {
                        published = false;
                    }
                }
                lessons.add(new Library.Lesson(prefix + "l" + n, title, l + 1, published, List.of()));
            }
            if (drifted && m % 10 == 5 && !lessons.isEmpty()) {
                // one lesson of every tenth module sits in the next module on the target side
                Library.Lesson moved = lessons.remove(lessons.size() - 1);
                modules.add(new Library.Module(prefix + "m" + m, "Module " + m, m + 1, true, lessons));
                modules.add(null);
                modules.set(modules.size() - 1, new Library.Module(prefix + "x" + m, "Module moved-to " + m, m + 1, true,
                        List.of(moved)));
                continue;
            }
            modules.add(new Library.Module(prefix + "m" + m, "Module " + m, m + 1, true, lessons));
        }
        List<Library.Course> courses = List.of(new Library.Course(prefix + "c", "Course", modules));
        return new Library(new Library.Product(prefix, prefix, prefix), courses, Library.count(courses));
    }

    @Test
    void mirrorDiffOfTwo20000LessonLibraries() throws Exception {
        Library home = library("h", false);
        Library practitioner = library("p", true);
        assertThat(home.counts().lessons()).isEqualTo(20_000);
        byte[] homeJson = ArtifactFiles.canonicalJson(home);
        byte[] practitionerJson = ArtifactFiles.canonicalJson(practitioner);
        List<Long> matcher = new ArrayList<>();
        List<Long> matcherCpu = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        int findings = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < RUNS + 5; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            MirrorMatcher.Result result = MirrorMatcher.compare(home, practitioner, Map.of(), Map.of());
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            // what a mirror run does with the files: read both snapshot.json, compare, render the report
            Library a = ArtifactFiles.CANONICAL.readValue(homeJson, Library.class);
            Library b = ArtifactFiles.CANONICAL.readValue(practitionerJson, Library.class);
            MirrorMatcher.Result again = MirrorMatcher.compare(a, b, Map.of(), Map.of());
            ArtifactFiles.canonicalJson(MirrorReport.of(new MirrorReport.Side("h", "h", "r1", "s1"),
                    new MirrorReport.Side("p", "p", "r2", "s2"), again));
            long t2 = System.nanoTime();
            if (i >= 5) {
                matcher.add(t1 - t0);
                matcherCpu.add(c1 - c0);
                whole.add(t2 - t1);
            }
            findings = result.findings().size();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("lessonsPerSide", 20_000);
        figures.put("findings", findings);
        figures.put("matcherMs", stats(matcher));
        figures.put("matcherCpuMs", stats(matcherCpu));
        figures.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        figures.put("readCompareReportMs", stats(whole));
        RESULTS.put("mirror", figures);
        System.out.println("BENCH soma mirror " + figures);
        // on a shared 2-core machine the wall clock measures the run queue; the CPU time is the code's
        assertThat(median(matcherCpu)).isLessThanOrEqualTo(200.0);
    }

    // ---------------------------------------------------------------- snapshot

    @Test
    void snapshotOfTwoTimes500LessonsAt50PerPage() throws Exception {
        WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        try {
            KajabiFake fake = new KajabiFake(wireMock, 50);
            fake.token("bench-token-0123456789", 3600);
            Library home = io.openclaw.hq.soma.support.Libraries.parse("home", lessons("h", 10, 50));
            Library practitioner = io.openclaw.hq.soma.support.Libraries.parse("practitioner", lessons("p", 10, 50));
            fake.product("prod-home", home);
            fake.product("prod-prac", practitioner);
            SomaFile.Kajabi settings = new SomaFile.Kajabi(wireMock.baseUrl(), KajabiFake.TOKEN_PATH, KajabiFake.COURSES_PATH,
                    "/v1/courses/{courseId}/lessons", 50, 30, 30, 3, 60, 1000);
            List<SomaFile.Product> products = List.of(new SomaFile.Product("Home User Library", "home", "prod-home"),
                    new SomaFile.Product("Practitioner Library", "practitioner", "prod-prac"));
            int minimum = 2 /* tokens */ + fake.minimumRequests(home) + fake.minimumRequests(practitioner);
            List<Long> times = new ArrayList<>();
            int requests = 0;
            for (int i = 0; i < Math.min(RUNS, 20) + 3; i++) {
                long t0 = System.nanoTime();
                requests = 0;
                for (SomaFile.Product p : products) {
                    // as a snapshot run does: its own client (so its own token), read, canonical bytes, SHA-256
                    KajabiClient client = new KajabiClient(KajabiClient.newHttpClient(settings), settings,
                            new KajabiCredentials("bench-id", "bench-secret"), d -> { }, Clock.systemUTC(), line -> { });
                    Library library = new LibraryReader(client, settings, line -> { }).read(p);
                    ArtifactFiles.sha256(ArtifactFiles.canonicalJson(library));
                    assertThat(library.counts().lessons()).isEqualTo(500);
                    requests += client.requests();
                }
                if (i >= 3) {
                    times.add(System.nanoTime() - t0);
                }
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("lessons", 1000);
            figures.put("pageSize", 50);
            figures.put("requests", requests);
            figures.put("minimumRequests", minimum);
            figures.put("ms", stats(times));
            RESULTS.put("snapshot", figures);
            System.out.println("BENCH soma snapshot " + figures);
            assertThat(requests).isEqualTo(minimum);
        } finally {
            wireMock.stop();
        }
    }

    private static String lessons(String prefix, int modules, int perModule) {
        StringBuilder spec = new StringBuilder();
        for (int m = 0; m < modules; m++) {
            if (m > 0) {
                spec.append('|');
            }
            spec.append(prefix).append("m").append(m).append(":Module ").append(m).append('=');
            for (int l = 0; l < perModule; l++) {
                if (l > 0) {
                    spec.append(',');
                }
                spec.append(prefix).append("l").append(m * perModule + l).append(":Lesson ").append(l);
            }
        }
        return spec.toString();
    }

    // ---------------------------------------------------------------- harvest

    @Test
    void harvestOf5000MessagesThenTenNew() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        greenMail.start();
        try {
            String user = "bench@example.org";
            var mailbox = greenMail.setUser(user, user, "bench-password");
            Session session = Session.getInstance(new Properties());
            for (int i = 0; i < 5000; i++) {
                mailbox.deliver(message(session, i, i % 50 == 0));
            }
            SomaFile.Gmail settings = new SomaFile.Gmail("127.0.0.1", greenMail.getImap().getPort(), false, "INBOX", "x", 60, 5);
            SomaSecrets.GmailLogin login = new SomaSecrets.GmailLogin(user, "bench-password");
            long t0 = System.nanoTime();
            MailboxReader.Batch first;
            try (MailboxReader reader = MailboxReader.connect(settings, login)) {
                first = reader.readSince(0, 0, line -> { });
            }
            long t1 = System.nanoTime();
            for (int i = 5000; i < 5010; i++) {
                mailbox.deliver(message(session, i, true));
            }
            long t2 = System.nanoTime();
            MailboxReader.Batch second;
            try (MailboxReader reader = MailboxReader.connect(settings, login)) {
                second = reader.readSince(first.uidValidity(), first.lastUid(), line -> { });
            }
            long t3 = System.nanoTime();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("firstRun", Map.of("newMessages", first.newMessages(), "fetched", first.fetched(),
                    "withVideos", first.messages().size(), "ms", (t1 - t0) / 1_000_000));
            figures.put("secondRun", Map.of("newMessages", second.newMessages(), "fetched", second.fetched(),
                    "withVideos", second.messages().size(), "ms", (t3 - t2) / 1_000_000));
            RESULTS.put("harvest", figures);
            System.out.println("BENCH soma harvest " + figures);
            assertThat(first.newMessages()).isEqualTo(5000);
            assertThat(second.newMessages()).isEqualTo(10);
            // exactly the ten new messages are read (each holds a video); none of the 5,000 before them
            assertThat(second.fetched()).isEqualTo(10);
            assertThat(second.messages()).hasSize(10);
        } finally {
            greenMail.stop();
        }
    }

    private static MimeMessage message(Session session, int i, boolean video) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("sender" + (i % 37) + "@example.com"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("bench@example.org"));
        m.setSubject("Message " + i);
        m.setText(video ? "class video https://vimeo.com/" + (200000000 + i) : "newsletter " + i, "UTF-8");
        m.saveChanges();
        return m;
    }

    // ---------------------------------------------------------------- figures

    private static Map<String, Object> stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runs", sorted.size());
        s.put("min", ms(sorted.get(0)));
        s.put("median", ms(sorted.get(sorted.size() / 2)));
        s.put("p95", ms(sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)));
        s.put("max", ms(sorted.get(sorted.size() - 1)));
        return s;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
