package io.openclaw.hq.platform.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Latches a test opens to let a launched run go on: the run is provably still working until then. */
@ApplicationScoped
public class RunGates {

    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    public CountDownLatch gate(String name) {
        return gates.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    public void open(String name) {
        gate(name).countDown();
    }

    void await(String name) throws InterruptedException {
        if (!gate(name).await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate " + name + " was never opened");
        }
    }
}
