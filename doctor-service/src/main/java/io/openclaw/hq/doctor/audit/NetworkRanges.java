package io.openclaw.hq.doctor.audit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address policy of the operating rules: 127.0.0.0/8 and ::1 are loopback, 100.64.0.0/10 and
 * fd7a:115c:a1e0::/48 are the tailnet, 0.0.0.0, :: and * are every interface; everything else is
 * public. Anything that does not parse as an IP literal is public too: fail closed.
 */
public final class NetworkRanges {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private NetworkRanges() {
    }

    public static AddressClass classify(String address) {
        if (address == null) {
            return AddressClass.PUBLIC;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.equals("*") || a.equals("0.0.0.0") || a.equals("::")) {
            return AddressClass.WILDCARD;
        }
        byte[] bytes = parseLiteral(a);
        if (bytes == null) {
            return AddressClass.PUBLIC;
        }
        if (bytes.length == 4) {
            return classifyV4(bytes);
        }
        if (isAllZero(bytes)) {
            return AddressClass.WILDCARD;
        }
        if (isV6Loopback(bytes)) {
            return AddressClass.LOOPBACK;
        }
        if ((bytes[0] & 0xff) == 0xfd && (bytes[1] & 0xff) == 0x7a && (bytes[2] & 0xff) == 0x11
                && (bytes[3] & 0xff) == 0x5c && (bytes[4] & 0xff) == 0xa1 && (bytes[5] & 0xff) == 0xe0) {
            return AddressClass.TAILNET;
        }
        return AddressClass.PUBLIC;
    }

    /** True for an IPv4 literal in 100.64.0.0/10 or 127.0.0.0/8, or ::1: where a target may be. */
    public static boolean isTailnetOrLoopbackLiteral(String host) {
        AddressClass c = classify(host);
        return c == AddressClass.LOOPBACK || c == AddressClass.TAILNET;
    }

    private static AddressClass classifyV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 127) {
            return AddressClass.LOOPBACK;
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return AddressClass.TAILNET;
        }
        if (first == 0 && second == 0 && b[2] == 0 && b[3] == 0) {
            return AddressClass.WILDCARD;
        }
        return AddressClass.PUBLIC;
    }

    private static byte[] parseLiteral(String a) {
        if (IPV4.matcher(a).matches()) {
            String[] parts = a.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                bytes[i] = (byte) v;
            }
            return bytes;
        }
        if (!a.contains(":") || !a.matches("[0-9a-f:.]+")) {
            return null;
        }
        try {
            // a string with ':' is only ever parsed as an IPv6 literal, never looked up in DNS
            InetAddress parsed = InetAddress.getByName(a);
            if (parsed instanceof Inet4Address || parsed instanceof Inet6Address) {
                return parsed.getAddress(); // ::ffff:a.b.c.d comes back as the IPv4 address
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isAllZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isV6Loopback(byte[] bytes) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 1;
    }
}
