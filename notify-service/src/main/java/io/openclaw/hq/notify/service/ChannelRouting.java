package io.openclaw.hq.notify.service;

import io.openclaw.hq.notify.model.Channel;
import io.openclaw.hq.notify.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** Which channels a severity goes to: each channel has a minimum severity (config {@code notify.routing.*}). */
public record ChannelRouting(Severity pushoverMin, Severity smsMin) {

    public List<Channel> channelsFor(Severity severity) {
        List<Channel> channels = new ArrayList<>(2);
        if (severity.atLeast(pushoverMin)) {
            channels.add(Channel.PUSHOVER);
        }
        if (severity.atLeast(smsMin)) {
            channels.add(Channel.SMS);
        }
        return channels;
    }
}
