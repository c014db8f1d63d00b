package io.openclaw.hq.llm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admission rule by counts: places, the waiting room, hand-over on release, refusals. */
class CallAdmissionTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aFullRouterParksOneCallAndRefusesTheNextThenHandsTheFreedPlaceOn() {
        CallAdmission admission = new CallAdmission(1, 1, 60_000, vertx);
        CompletableFuture<String> firstAnswer = new CompletableFuture<>();
        AtomicInteger started = new AtomicInteger();

        CompletionStage<String> first = admission.admitted(() -> {
            started.incrementAndGet();
            return firstAnswer;
        });
        CompletionStage<String> second = admission.admitted(() -> {
            started.incrementAndGet();
            return CompletableFuture.completedFuture("second");
        });
        CompletionStage<String> third = admission.admitted(() -> {
            started.incrementAndGet();
            return CompletableFuture.completedFuture("third");
        });

        assertThat(started).as("only the first started").hasValue(1);
        assertThat(admission.snapshot()).extracting(CallAdmission.Snapshot::inFlight, CallAdmission.Snapshot::waiting,
                CallAdmission.Snapshot::refused).containsExactly(1, 1, 1L);
        assertThat(third.toCompletableFuture()).isCompletedExceptionally();
        assertThatThrownBy(() -> third.toCompletableFuture().join()).hasCauseInstanceOf(CallsInFlightException.class)
                .hasMessageContaining("1 calls in flight");

        firstAnswer.complete("first");
        assertThat(first.toCompletableFuture()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("first");
        assertThat(second.toCompletableFuture()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("second");
        assertThat(admission.snapshot()).extracting(CallAdmission.Snapshot::inFlight, CallAdmission.Snapshot::waiting,
                CallAdmission.Snapshot::admitted, CallAdmission.Snapshot::refused).containsExactly(0, 0, 2L, 1L);
    }

    @Test
    void aWaiterWhoseCallerGaveUpPassesTheHandedPlaceOn() {
        CallAdmission admission = new CallAdmission(1, 2, 60_000, vertx);
        CompletableFuture<String> firstAnswer = new CompletableFuture<>();
        AtomicInteger abandonedStarted = new AtomicInteger();
        admission.admitted(() -> firstAnswer);
        CompletionStage<String> abandoned = admission.admitted(() -> {
            abandonedStarted.incrementAndGet();
            return CompletableFuture.completedFuture("nobody listens");
        });
        CompletionStage<String> patient = admission.admitted(() -> CompletableFuture.completedFuture("patient"));

        abandoned.toCompletableFuture().cancel(false); // what a request's Uni does when its client hangs up
        firstAnswer.complete("first");

        assertThat(patient.toCompletableFuture()).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("patient");
        assertThat(abandonedStarted).as("the abandoned call never went upstream").hasValue(0);
        assertThat(admission.snapshot().inFlight()).as("no place lost").isZero();
        assertThat(admission.admittedBlocking(() -> "again")).isEqualTo("again");
    }

    @Test
    void aCallWhoseCallerHungUpStillGivesItsPlaceBackWhenTheProviderAnswers() {
        CallAdmission admission = new CallAdmission(1, 0, 0, vertx);
        CompletableFuture<String> providerAnswer = new CompletableFuture<>();
        CompletionStage<String> call = admission.admitted(() -> providerAnswer);
        call.toCompletableFuture().cancel(false); // the client went away while the provider still worked
        assertThat(admission.snapshot().inFlight()).as("the upstream call still holds its place").isEqualTo(1);
        providerAnswer.complete("late");
        assertThat(admission.snapshot().inFlight()).as("given back when the provider answered").isZero();
        assertThat(admission.admittedBlocking(() -> "next")).isEqualTo("next");
    }

    @Test
    void aCallThatFailsToStartGivesItsPlaceBack() {
        CallAdmission admission = new CallAdmission(1, 0, 0, vertx);
        assertThatThrownBy(() -> admission.admitted(() -> {
            throw new IllegalStateException("no provider");
        })).hasMessage("no provider");
        assertThat(admission.snapshot().inFlight()).isZero();
        assertThat(admission.admittedBlocking(() -> "next")).isEqualTo("next");
        assertThat(admission.snapshot().inFlight()).isZero();
    }

    @Test
    void withoutAWaitingRoomABusyRouterRefusesAtOnceOnAWorkerToo() {
        CallAdmission admission = new CallAdmission(1, 0, 50, vertx);
        CompletableFuture<String> held = new CompletableFuture<>();
        admission.admitted(() -> held);
        assertThatThrownBy(() -> admission.admittedBlocking(() -> "never")).isInstanceOf(CallsInFlightException.class);
        held.complete("done");
        assertThat(admission.admittedBlocking(() -> "now")).isEqualTo("now");
    }

    @Test
    void theDerivedCapFollowsTheHeapWithinItsBounds() {
        assertThat(CallAdmission.derivedFromHeap()).isBetween(4, 256);
    }
}
