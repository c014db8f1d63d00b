package io.openclaw.hq.doctor.audit;

import java.util.List;

/** One listening socket from {@code ss -tlnp}: the local address and port, and the processes holding it. */
public record Listener(String address, int port, List<String> processes, String line) {

    public Listener {
        processes = List.copyOf(processes);
    }

    public String bind() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    public String processName() {
        return processes.isEmpty() ? "unknown" : processes.get(0);
    }

    public boolean isHeldBy(String name) {
        return processes.stream().anyMatch(p -> p.equals(name));
    }
}
