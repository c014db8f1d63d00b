package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.model.Channel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread pool per channel: a Pushover that hangs until its timeout holds Pushover threads only,
 * and SMS goes out meanwhile. This separation is what "a slow provider never delays the other
 * channel" rests on.
 */
@ApplicationScoped
public class ChannelExecutors {

    private final Map<Channel, ExecutorService> pools = new EnumMap<>(Channel.class);

    public ChannelExecutors(NotifyConfig config) {
        pools.put(Channel.PUSHOVER, Executors.newFixedThreadPool(config.pushover().workers(), named("notify-pushover")));
        pools.put(Channel.SMS, Executors.newFixedThreadPool(config.twilio().workers(), named("notify-sms")));
    }

    public ExecutorService of(Channel channel) {
        return pools.get(channel);
    }

    @PreDestroy
    void stop() {
        pools.values().forEach(ExecutorService::shutdownNow);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
