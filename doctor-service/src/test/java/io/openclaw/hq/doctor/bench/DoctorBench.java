package io.openclaw.hq.doctor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openclaw.hq.doctor.DoctorTestResources;
import io.openclaw.hq.doctor.config.DoctorConfig;
import io.openclaw.hq.doctor.host.FakeVpsHost;
import io.openclaw.hq.doctor.host.HostScenario;
import io.openclaw.hq.doctor.host.HostSession;
import io.openclaw.hq.doctor.host.HostShell;
import io.openclaw.hq.doctor.host.HostShells;
import io.openclaw.hq.doctor.host.LocalHostShell;
import io.openclaw.hq.doctor.host.MinaHostResource;
import io.openclaw.hq.doctor.model.DoctorReport;
import io.openclaw.hq.doctor.service.DoctorRunner;
import io.openclaw.hq.doctor.service.Stubs;
import io.openclaw.hq.platform.runs.RunTrigger;
import io.openclaw.hq.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bench of bench/doctor/run.sh: a full doctor run (connect, 9 checks, report in PostgreSQL
 * and doctor.json) over SSH to the in-process MINA host, against the same run with local
 * execution, interleaved in one JVM. Excluded from the normal build (tag "bench").
 */
@Tag("bench")
@QuarkusTest
@DoctorTestResources
class DoctorBench {

    static final int WARMUP = 5;
    static final int RUNS = Integer.getInteger("bench.runs", 30);

    @MinaHostResource.InjectHost
    FakeVpsHost host;

    @WireMockResource.InjectWireMock
    WireMockServer wireMock;

    @Inject
    HostShells shells;

    @Inject
    DoctorRunner runner;

    @Inject
    DoctorConfig config;

    @Test
    void sshAgainstLocal() throws Exception {
        Stubs.healthyStack(wireMock);
        host.use(HostScenario.healthy());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        HostShell ssh = shells.current();
        HostShell local = new LocalHostShell(config.host().probeTimeout(), config.host().remediationTimeout(), pool);
        assertThat(ssh.mode()).isEqualTo("ssh");
        for (int i = 0; i < WARMUP; i++) {
            timed(ssh);
            timed(local);
        }
        List<Long> sshMs = new ArrayList<>();
        List<Long> localMs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            sshMs.add(timed(ssh));
            localMs.add(timed(local));
        }
        pool.shutdownNow();
        String result = String.format(Locale.ROOT,
                "{\"runs\":%d,\"ssh\":%s,\"local\":%s,\"ratio_median_ssh_over_local\":%.2f,\"target_ms\":1500}",
                RUNS, stats(sshMs), stats(localMs), (double) percentile(sshMs, 50) / Math.max(1, percentile(localMs, 50)));
        System.out.println("BENCH doctor " + result);
        Files.writeString(Path.of("target/bench-doctor.json"), result + "\n");
        assertThat(percentile(sshMs, 50)).as("median full doctor run over SSH (ms)").isLessThanOrEqualTo(1500);
    }

    /** One full doctor run: open the connection, run the 9 checks, store the report; wall-clock ms. */
    private long timed(HostShell shell) {
        long t0 = System.nanoTime();
        HostSession session = shell.open();
        DoctorReport report;
        try {
            report = runner.run(shell, session, null, RunTrigger.API, "bench", null);
        } finally {
            session.close();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(report.checks()).hasSize(9);
        return ms;
    }

    private static String stats(List<Long> values) {
        return String.format(Locale.ROOT, "{\"min\":%d,\"median\":%d,\"p95\":%d,\"max\":%d}", Collections.min(values),
                percentile(values, 50), percentile(values, 95), Collections.max(values));
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
