package io.openclaw.hq.llm;

import static io.openclaw.hq.llm.FakeProviders.answer;
import static io.openclaw.hq.llm.FakeProviders.completion;
import static io.openclaw.hq.llm.FakeProviders.count;
import static io.openclaw.hq.llm.FakeProviders.verdict;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.llm.service.BudgetStore;
import io.openclaw.hq.llm.service.CostLedger;
import io.openclaw.hq.testing.CanarySecrets;
import io.openclaw.hq.testing.EmbeddedPostgresResource;
import io.openclaw.hq.testing.TestSecretsResource;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 50 reviews of one run at once against a $0.05 run cap: the cap holds, every time. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(TestSecretsResource.class)
@WithTestResource(value = WireMockResource.class, initArgs = @ResourceArg(name = "properties", value = FakeProviders.OVERRIDES))
class BudgetConcurrencyTest {

    private static final int REVIEWS = 50;
    private static final BigDecimal RUN_CAP = new BigDecimal("0.05");

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    BudgetStore budgets;

    @Inject
    CostLedger ledger;

    @Test
    void fiftyConcurrentReviewsNeverOverspendTheRunCap() throws Exception {
        wireMock.resetAll();
        // each answer costs 400 × $1.50/M + 600 × $6/M = $0.0042, a little under its estimate; the delay
        // keeps all 50 in flight together
        answer(wireMock, "openai", completion("gpt-4o-mini", verdict("APPROVED"), 400, 600).withFixedDelay(150));
        String runId = FakeProviders.runId("burst");
        String bundle = "diff --git a/f b/f\n" + "+line\n".repeat(300);

        ExecutorService pool = Executors.newFixedThreadPool(REVIEWS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < REVIEWS; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return given().header(FakeProviders.TOKEN_HEADER, CanarySecrets.INTERNAL_TOKEN)
                        .contentType("application/json").body(FakeProviders.reviewBody(runId, bundle))
                        .post("/v1/review").then().extract().statusCode();
            }));
        }
        start.countDown();
        int approved = 0;
        int refused = 0;
        for (Future<Integer> result : results) {
            int status = result.get(60, TimeUnit.SECONDS);
            if (status == 200) {
                approved++;
            } else if (status == 402) {
                refused++;
            }
        }
        pool.shutdown();

        assertThat(approved + refused).as("every review either approved or refused for budget").isEqualTo(REVIEWS);
        assertThat(approved).as("some fit the cap").isGreaterThan(0);
        assertThat(refused).as("the cap bites").isGreaterThan(0);
        assertThat(count(wireMock, "openai")).as("no call without a reservation").isEqualTo(approved);

        BudgetStore.RunBudget budget = budgets.find(runId).orElseThrow();
        assertThat(budget.spentUsd()).as("spent within the cap").isLessThanOrEqualTo(RUN_CAP);
        assertThat(budget.reservedUsd()).as("every reservation settled").isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(ledger.spentBy(runId)).as("ledger agrees with the budget").isEqualByComparingTo(budget.spentUsd());
        assertThat(budget.spentUsd()).isEqualByComparingTo(new BigDecimal("0.0042").multiply(BigDecimal.valueOf(approved)));
    }
}
