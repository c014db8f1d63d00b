package io.openclaw.hq.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditChainTest {

    static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            Instant at = Instant.parse("2026-02-16T10:00:00Z").plusSeconds(i);
            String hash = AuditChain.hash(i, at, "login", "ok", "sha256:abc", null, "ip:127.0.0.1", "d" + i, prev);
            entries.add(new AuditEntry(i, at, "login", "ok", "sha256:abc", null, "ip:127.0.0.1", "d" + i, prev, hash));
            prev = hash;
        }
        return entries;
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("detail changed", 3, (UnaryOperator<AuditEntry>) e -> new AuditEntry(e.seq(), e.at(), e.event(),
                        e.outcome(), e.actor(), e.person(), e.client(), "forged", e.prevHash(), e.hash()), 3L),
                Arguments.of("null person set", 2, (UnaryOperator<AuditEntry>) e -> new AuditEntry(e.seq(), e.at(), e.event(),
                        e.outcome(), e.actor(), "", e.client(), e.detail(), e.prevHash(), e.hash()), 2L),
                Arguments.of("time moved", 4, (UnaryOperator<AuditEntry>) e -> new AuditEntry(e.seq(), e.at().plusMillis(1),
                        e.event(), e.outcome(), e.actor(), e.person(), e.client(), e.detail(), e.prevHash(), e.hash()), 4L),
                Arguments.of("hash recomputed after a change: the next link breaks", 2,
                        (UnaryOperator<AuditEntry>) e -> {
                            String h = AuditChain.hash(e.seq(), e.at(), e.event(), "refused", e.actor(), e.person(),
                                    e.client(), e.detail(), e.prevHash());
                            return new AuditEntry(e.seq(), e.at(), e.event(), "refused", e.actor(), e.person(), e.client(),
                                    e.detail(), e.prevHash(), h);
                        }, 3L),
                Arguments.of("first entry re-linked", 1, (UnaryOperator<AuditEntry>) e -> new AuditEntry(e.seq(), e.at(),
                        e.event(), e.outcome(), e.actor(), e.person(), e.client(), e.detail(), "f".repeat(64), e.hash()), 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void firstBrokenEntryIsNamed(String name, int index, UnaryOperator<AuditEntry> change, long expected) {
        List<AuditEntry> entries = chain(5);
        entries.set(index - 1, change.apply(entries.get(index - 1)));
        AuditVerification v = AuditChain.verify(entries);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void untouchedChainIsValid(int n) {
        assertThat(AuditChain.verify(chain(n))).isEqualTo(AuditVerification.intact(n));
    }

    static Stream<Integer> sizes() {
        return Stream.of(0, 1, 7);
    }

    @org.junit.jupiter.api.Test
    void aRemovedEntryIsNamed() {
        List<AuditEntry> entries = chain(5);
        entries.remove(2);
        assertThat(AuditChain.verify(entries).firstBrokenSeq()).isEqualTo(4L);
    }

    static final Instant RECORDED = Instant.parse("2026-02-16T10:10:00Z");

    @org.junit.jupiter.api.Test
    void theHostGuardsHeadIsFoundWhereItWasRecorded() {
        List<AuditEntry> entries = chain(5);
        GuardHeadCheck head = AuditChain.checkHead(entries, 4, entries.get(3).hash(), RECORDED);
        assertThat(head.status()).isEqualTo(GuardHeadCheck.PRESENT);
        assertThat(AuditChain.verify(entries).withGuardHead(head).valid()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void newestEntriesCutOffBelowTheRecordedHeadAreFound() {
        List<AuditEntry> entries = chain(5);
        String recorded = entries.get(4).hash();
        List<AuditEntry> cut = entries.subList(0, 3);
        assertThat(AuditChain.verify(cut).valid()).as("the chain alone still verifies").isTrue();

        AuditVerification v = AuditChain.verify(cut).withGuardHead(AuditChain.checkHead(cut, 5, recorded, RECORDED));

        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(4L);
        assertThat(v.guardHead().status()).isEqualTo(GuardHeadCheck.CUT_OFF);
        assertThat(v.reason()).isEqualTo("entry 5 recorded by the host guard at 2026-02-16T10:10:00Z is missing: the chain ends at 3, "
                + "its newest entries were cut off");
    }

    @org.junit.jupiter.api.Test
    void cutOffAndWrittenAgainIsAMismatchAtTheRecordedEntry() {
        List<AuditEntry> original = chain(5);
        List<AuditEntry> rewritten = new ArrayList<>(original.subList(0, 3));
        String prev = rewritten.get(2).hash();
        for (int i = 4; i <= 5; i++) {
            Instant at = Instant.parse("2026-02-16T11:00:00Z").plusSeconds(i);
            String hash = AuditChain.hash(i, at, "login", "ok", "sha256:abc", null, "ip:127.0.0.1", "other" + i, prev);
            rewritten.add(new AuditEntry(i, at, "login", "ok", "sha256:abc", null, "ip:127.0.0.1", "other" + i, prev, hash));
            prev = hash;
        }
        AuditVerification v = AuditChain.verify(rewritten)
                .withGuardHead(AuditChain.checkHead(rewritten, 5, original.get(4).hash(), RECORDED));
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(5L);
        assertThat(v.guardHead().status()).isEqualTo(GuardHeadCheck.MISMATCH);
    }

    @org.junit.jupiter.api.Test
    void aHeadThatCouldNotBeCheckedLeavesTheChainsVerdictAndSaysWhy() {
        AuditVerification v = AuditChain.verify(chain(3)).withGuardHead(GuardHeadCheck.notChecked("doctor-service unreachable"));
        assertThat(v.valid()).isTrue();
        assertThat(v.guardHead().detail()).isEqualTo("doctor-service unreachable");
        List<AuditEntry> broken = chain(3);
        broken.remove(1);
        AuditVerification both = AuditChain.verify(broken).withGuardHead(AuditChain.checkHead(broken, 9, "f".repeat(64), RECORDED));
        assertThat(both.firstBrokenSeq()).as("the chain's own first break wins").isEqualTo(3L);
    }
}
