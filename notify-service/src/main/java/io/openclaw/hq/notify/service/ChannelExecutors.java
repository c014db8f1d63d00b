package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.config.NotifyConfig;
import io.openclaw.hq.notify.model.Channel;
import io.openclaw.hq.platform.concurrent.ThreadPools;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * One thread pool per channel: a Pushover that hangs until its timeout holds Pushover threads only,
 * and SMS goes out meanwhile. This separation is what "a slow provider never delays the other
 * channel" rests on.
 */
@ApplicationScoped
public class ChannelExecutors {

    private final Map<Channel, ExecutorService> pools = new EnumMap<>(Channel.class);

    public ChannelExecutors(NotifyConfig config) {
        pools.put(Channel.PUSHOVER, ThreadPools.fixed("notify-pushover", config.pushover().workers()));
        pools.put(Channel.SMS, ThreadPools.fixed("notify-sms", config.twilio().workers()));
    }

    public ExecutorService of(Channel channel) {
        return pools.get(channel);
    }

    @PreDestroy
    void stop() {
        pools.values().forEach(ExecutorService::shutdownNow);
    }
}
