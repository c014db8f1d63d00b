package io.openclaw.hq.doctor.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code ss -tlnp} column by column. The local address is the fourth column; the peer
 * column ({@code 0.0.0.0:*}) after it is never read as a bind, which is the false positive the
 * reference's grep had.
 */
public final class SsParser {

    private static final Pattern PROCESS_NAME = Pattern.compile("\\(\"([^\"]*)\"");

    private SsParser() {
    }

    public static List<Listener> parse(String output) {
        List<Listener> listeners = new ArrayList<>();
        if (output == null) {
            return listeners;
        }
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("State") || line.startsWith("Netid")) {
                continue;
            }
            String[] columns = line.split("\\s+");
            // ss -tlnp: State Recv-Q Send-Q Local:Port Peer:Port [Process]
            if (columns.length < 5 || !columns[0].equalsIgnoreCase("LISTEN")) {
                continue;
            }
            Listener listener = toListener(columns[3], processesOf(line), line);
            if (listener != null) {
                listeners.add(listener);
            }
        }
        return listeners;
    }

    static Listener toListener(String local, List<String> processes, String line) {
        int colon = local.lastIndexOf(':');
        if (colon <= 0 || colon == local.length() - 1) {
            return null;
        }
        String address = local.substring(0, colon);
        String portText = local.substring(colon + 1);
        if (!portText.matches("\\d{1,5}")) {
            return null;
        }
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        return new Listener(address, Integer.parseInt(portText), processes, line);
    }

    private static List<String> processesOf(String line) {
        List<String> names = new ArrayList<>();
        int users = line.indexOf("users:(");
        if (users < 0) {
            return names;
        }
        Matcher m = PROCESS_NAME.matcher(line.substring(users));
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
