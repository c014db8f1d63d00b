package io.openclaw.hq.doctor.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.openclaw.hq.doctor.model.HostGuardState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the host guard's log: which lines are the host guard's, its age, and the newest audit head. */
class HostGuardLogTest {

    static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
    static final Duration STALE = Duration.ofMinutes(25);
    static final String HASH_A = "a1".repeat(32);
    static final String HASH_B = "b2".repeat(32);

    static HostGuardState parse(String... lines) {
        return HostGuardLog.parse("/host-guard/openclaw_guard.log", List.of(lines), 20, NOW, STALE);
    }

    @Test
    void theNewestHostGuardLineDecidesFreshness() {
        assertThat(parse("2026-12-02T05:35:00Z openclaw-guard PASS audit_head=none").fresh()).as("25 min").isTrue();
        HostGuardState stale = parse("2026-12-02T05:34:59Z openclaw-guard PASS audit_head=none");
        assertThat(stale.fresh()).as("25 min 1 s").isFalse();
        assertThat(stale.ageMinutes()).isEqualTo(25);
        assertThat(parse().fresh()).as("an empty log").isFalse();
        assertThat(parse().lastRunAt()).isNull();
    }

    @Test
    void theJavaGuardsLinesAndGarbageAreNotTheHostGuard() {
        HostGuardState s = parse(
                "2026-12-02T05:00:00Z openclaw-guard PASS sshd=private audit_head=7:" + HASH_A,
                "2026-12-02T05:59:00Z PASS doctor PASS: 9 pass",
                "not-a-time openclaw-guard PASS",
                "garbage");
        assertThat(s.lastRunAt()).isEqualTo(Instant.parse("2026-12-02T05:00:00Z"));
        assertThat(s.fresh()).isFalse();
        assertThat(s.lines()).hasSize(4);
    }

    @Test
    void theNewestRecordedAuditHeadEvenWhenTheLastCycleCouldNotReadIt() {
        HostGuardState s = parse(
                "2026-12-02T05:40:00Z openclaw-guard PASS audit_head=6:" + HASH_A,
                "2026-12-02T05:50:00Z openclaw-guard PASS audit_head=9:" + HASH_B,
                "2026-12-02T06:00:00Z openclaw-guard FAIL postgres=down audit_head=unavailable -- PostgreSQL is down; x=y");
        assertThat(s.lastOutcome()).isEqualTo("FAIL");
        assertThat(s.lastFacts()).containsEntry("postgres", "down").containsEntry("why", "PostgreSQL is down; x=y")
                .doesNotContainKey("x");
        assertThat(s.auditHead()).isEqualTo(new HostGuardState.AuditHead(9, HASH_B, Instant.parse("2026-12-02T05:50:00Z")));
    }

    @Test
    void aMalformedAuditHeadIsNoHead() {
        assertThat(parse("2026-12-02T05:50:00Z openclaw-guard PASS audit_head=9:short").auditHead()).isNull();
        assertThat(parse("2026-12-02T05:50:00Z openclaw-guard PASS audit_head=none").auditHead()).isNull();
    }

    @Test
    void theTailShowsTheLastLinesOnly() {
        String[] lines = new String[30];
        for (int i = 0; i < 30; i++) {
            lines[i] = "2026-12-02T05:" + String.format("%02d", i) + ":00Z openclaw-guard PASS n=" + i;
        }
        HostGuardState s = HostGuardLog.parse("p", List.of(lines), 5, NOW, STALE);
        assertThat(s.lines()).hasSize(5).last().asString().endsWith("n=29");
    }
}
