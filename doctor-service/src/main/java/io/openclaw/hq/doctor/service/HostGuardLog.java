package io.openclaw.hq.doctor.service;

import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.model.HostGuardState;
import io.openclaw.hq.platform.secrets.Redactor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the host guard's log (a read-only mount in compose): the newest host-guard line, its age,
 * the newest recorded audit head, and the tail. The Java guard appends its own lines to the same
 * file; only lines of the form {@code <UTC time> openclaw-guard <OUTCOME> key=value … [-- why]}
 * are the host guard's. A log that cannot be read is reported as such, never as "fine".
 */
@ApplicationScoped
public class HostGuardLog {

    static final Pattern HOST_LINE = Pattern.compile("^(\\S+) openclaw-guard ([A-Z_]+)(?: (.*))?$");
    static final Pattern AUDIT_HEAD = Pattern.compile("^([0-9]{1,18}):([0-9a-f]{64})$");
    /** Enough for hundreds of lines; the newest line is what matters and a huge log is never read whole. */
    static final int TAIL_BYTES = 256 * 1024;

    private final DoctorConfig config;
    private final Clock clock;

    @jakarta.inject.Inject
    public HostGuardLog(DoctorConfig config) {
        this(config, Clock.systemUTC());
    }

    HostGuardLog(DoctorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public HostGuardState read() {
        return read(config.hostGuard().tailLines());
    }

    public HostGuardState read(int lines) {
        Path path = Path.of(config.hostGuard().logPath());
        List<String> tail;
        try {
            tail = tail(path);
        } catch (java.nio.file.NoSuchFileException e) {
            return unreadable(path, "no such file: is the host guard installed, and its directory mounted?");
        } catch (java.nio.file.AccessDeniedException e) {
            return unreadable(path, "permission denied: the log must be readable by group 1001");
        } catch (IOException | SecurityException e) {
            return unreadable(path, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return parse(path.toString(), tail, lines, clock.instant(), config.hostGuard().staleAfter());
    }

    private HostGuardState unreadable(Path path, String why) {
        return new HostGuardState(path.toString(), false, "cannot read " + path + " (" + Redactor.redact(why) + ")",
                config.hostGuard().staleAfter().toMinutes(), null, null, false, null, Map.of(), null, null, List.of());
    }

    /** The state from the log's last lines (oldest first), as of {@code now}. Pure, for tests. */
    static HostGuardState parse(String path, List<String> tail, int shown, Instant now, Duration staleAfter) {
        Instant lastRunAt = null;
        String lastOutcome = null;
        String lastLine = null;
        Map<String, String> facts = Map.of();
        HostGuardState.AuditHead head = null;
        for (int i = tail.size() - 1; i >= 0 && (lastLine == null || head == null); i--) {
            Matcher m = HOST_LINE.matcher(tail.get(i));
            if (!m.matches()) {
                continue;
            }
            Instant at;
            try {
                at = Instant.parse(m.group(1));
            } catch (DateTimeParseException e) {
                continue;
            }
            Map<String, String> lineFacts = facts(m.group(3));
            if (lastLine == null) {
                lastRunAt = at;
                lastOutcome = m.group(2);
                lastLine = tail.get(i);
                facts = lineFacts;
            }
            Matcher h = AUDIT_HEAD.matcher(lineFacts.getOrDefault("audit_head", ""));
            if (head == null && h.matches()) {
                head = new HostGuardState.AuditHead(Long.parseLong(h.group(1)), h.group(2), at);
            }
        }
        Long age = lastRunAt == null ? null : Duration.between(lastRunAt, now).toMinutes();
        boolean fresh = lastRunAt != null && Duration.between(lastRunAt, now).compareTo(staleAfter) <= 0;
        List<String> shownLines = tail.subList(Math.max(0, tail.size() - shown), tail.size());
        return new HostGuardState(path, true, null, staleAfter.toMinutes(), lastRunAt, age, fresh, lastOutcome, facts,
                lastLine == null ? null : Redactor.redact(lastLine), head, shownLines.stream().map(Redactor::redact).toList());
    }

    /** {@code key=value} words up to the {@code --} that starts the free text. */
    static Map<String, String> facts(String rest) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (rest == null) {
            return facts;
        }
        int why = rest.indexOf(" -- ");
        String words = why < 0 ? (rest.startsWith("-- ") ? "" : rest) : rest.substring(0, why);
        for (String word : words.split(" ")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                facts.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        if (why >= 0) {
            facts.put("why", rest.substring(why + 4));
        }
        return facts;
    }

    private static List<String> tail(Path path) throws IOException {
        try (SeekableByteChannel file = Files.newByteChannel(path, StandardOpenOption.READ)) {
            long length = file.size();
            long from = Math.max(0, length - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (length - from));
            file.position(from);
            while (buffer.hasRemaining() && file.read(buffer) >= 0) {
                // read up to the size seen at the start; lines appended meanwhile wait for the next read
            }
            byte[] bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
            List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n")));
            if (from > 0 && !lines.isEmpty()) {
                lines.remove(0); // a partial first line
            }
            lines.removeIf(String::isEmpty);
            return lines;
        }
    }
}
