package io.openclaw.hq.llm.client;

import io.openclaw.hq.llm.config.RouterSettings;
import io.openclaw.hq.llm.model.ErrorClass;
import io.openclaw.hq.llm.model.ProviderException;
import io.openclaw.hq.llm.model.ProviderName;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One circuit breaker per provider (SmallRye Fault Tolerance). Only transient failures count
 * against a provider: a 401 says nothing about its health. An open breaker answers at once as a
 * transient server failure, so the review gate still gets its one fallback.
 */
@ApplicationScoped
public class ProviderGuards {

    private static final String NAME_PREFIX = "llm-provider-";

    private final Map<ProviderName, Guard> guards = new EnumMap<>(ProviderName.class);
    private final String namePrefix;

    @jakarta.inject.Inject
    public ProviderGuards(RouterSettings settings) {
        this(settings, NAME_PREFIX);
    }

    /** With another name prefix, so a test can build breakers of its own next to the service's. */
    ProviderGuards(RouterSettings settings, String namePrefix) {
        this.namePrefix = namePrefix;
        RouterSettings.Breaker breaker = settings.breaker();
        for (ProviderName name : ProviderName.values()) {
            guards.put(name, Guard.create()
                    .withDescription("provider " + name.wire())
                    .withCircuitBreaker()
                    .name(breakerName(name))
                    .requestVolumeThreshold(breaker.requestVolume())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delaySeconds(), ChronoUnit.SECONDS)
                    .when(ProviderGuards::countsAgainstProvider)
                    .done()
                    .build());
        }
    }

    public <T> T call(ProviderName name, Supplier<T> work, Class<T> type) {
        try {
            return guards.get(name).get(work, type);
        } catch (CircuitBreakerOpenException e) {
            throw new ProviderException(name, ErrorClass.TRANSIENT_SERVER, null,
                    "circuit breaker open after repeated transient failures; not called");
        }
    }

    public String state(ProviderName name) {
        CircuitBreakerState state = CircuitBreakerMaintenance.get().currentState(breakerName(name));
        return state.name().toLowerCase(Locale.ROOT);
    }

    String breakerName(ProviderName name) {
        return namePrefix + name.wire();
    }

    private static boolean countsAgainstProvider(Throwable failure) {
        return failure instanceof ProviderException e && e.errorClass().isTransient();
    }
}
