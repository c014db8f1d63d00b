package io.openclaw.hq.platform.app;

import java.util.List;

public record SampleConfig(String name, Limits limits) {

    public record Limits(double maxUsd, List<String> hosts) {
    }
}
