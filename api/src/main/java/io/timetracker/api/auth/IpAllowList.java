package io.timetracker.api.auth;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A token's optional list of allowed client addresses: single IPs or CIDR ranges, IPv4 or IPv6. Only address
 * literals are ever parsed: an entry that is not one (a host name, an abbreviated {@code 10.1}, a zone id)
 * matches nothing, so authenticating a request never looks a name up.
 */
public final class IpAllowList {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** Hex groups and colons (an embedded IPv4 tail allowed); the colon makes the JDK read it as a literal. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private IpAllowList() {
    }

    /** Whether {@code entry} is an IP or CIDR we can match (checked when a token is created). */
    public static boolean isValidEntry(String entry) {
        return entry != null && network(entry) != null;
    }

    public static boolean allows(List<String> allowList, String clientIp) {
        if (allowList == null || allowList.isEmpty()) {
            return true;
        }
        InetAddress client = literal(clientIp);
        return client != null && allowList.stream().anyMatch(entry -> contains(network(entry), client));
    }

    /** An entry's network: its address and prefix length, or null when it is no literal IP or CIDR. */
    private record Network(InetAddress address, int prefix) {
    }

    private static Network network(String entry) {
        String[] parts = entry.split("/", -1);
        if (parts.length > 2 || parts.length == 2 && !parts[1].matches("\\d{1,3}")) {
            return null;
        }
        InetAddress address = literal(parts[0]);
        if (address == null) {
            return null;
        }
        int bits = address.getAddress().length * 8;
        int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
        return prefix <= bits ? new Network(address, prefix) : null;
    }

    private static boolean contains(Network network, InetAddress client) {
        if (network == null || network.address().getAddress().length != client.getAddress().length) {
            return false;
        }
        int bits = client.getAddress().length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - network.prefix()).subtract(BigInteger.ONE));
        return new BigInteger(1, network.address().getAddress()).and(mask)
                .equals(new BigInteger(1, client.getAddress()).and(mask));
    }

    /** A dotted-quad IPv4 or an IPv6 literal; the JDK never resolves either form. */
    static InetAddress literal(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException malformedLiteral) {
            return null;
        }
    }
}
