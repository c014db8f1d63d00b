package io.openclaw.hq.doctor.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a probe's output up to a cap; a probe that prints more is cut and says so, never silently. */
final class OutputReader {

    static final int MAX_BYTES = 1 << 20;

    private OutputReader() {
    }

    static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean cut = false;
        int n;
        while ((n = in.read(buffer)) != -1) {
            int room = MAX_BYTES - out.size();
            if (room > 0) {
                out.write(buffer, 0, Math.min(room, n));
            }
            if (n > room) {
                cut = true; // keep draining so the remote side can finish
            }
        }
        String text = out.toString(StandardCharsets.UTF_8);
        return cut ? text + "\n[output cut at " + MAX_BYTES + " bytes]\n" : text;
    }
}
