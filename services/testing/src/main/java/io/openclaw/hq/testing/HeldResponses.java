package io.openclaw.hq.testing;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A WireMock answer that waits until the test lets it go, so a test can prove that a service
 * answered (or logged) while its work was still waiting on a provider, without any timing. A stub
 * opts in with {@code .withTransformers(HeldResponses.NAME).withTransformerParameter("gate", name)};
 * {@link #hold(String)} closes a gate, {@link #release(String)} opens it. An unknown gate is open.
 */
public final class HeldResponses implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "hq-held";
    private static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    public static void hold(String gate) {
        GATES.put(gate, new CountDownLatch(1));
    }

    public static void release(String gate) {
        CountDownLatch latch = GATES.remove(gate);
        if (latch != null) {
            latch.countDown();
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Parameters parameters = serveEvent.getTransformerParameters();
        String gate = parameters == null ? null : parameters.getString("gate", null);
        CountDownLatch latch = gate == null ? null : GATES.get(gate);
        if (latch != null) {
            try {
                // a bound so a forgotten release fails the test instead of hanging the build
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return serveEvent.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
