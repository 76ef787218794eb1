package io.timetracker.api.auth;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/** A token's optional list of allowed client addresses: single IPs or CIDR ranges, IPv4 or IPv6. */
public final class IpAllowList {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");

    private IpAllowList() {
    }

    /** Whether {@code entry} is an IP or CIDR we can match (checked when a token is created). */
    public static boolean isValidEntry(String entry) {
        if (entry == null || !LITERAL.matcher(entry).matches()) {
            return false;
        }
        String[] parts = entry.split("/");
        InetAddress address = parse(parts[0]);
        if (address == null) {
            return false;
        }
        return parts.length == 1 || Integer.parseInt(parts[1]) <= address.getAddress().length * 8;
    }

    public static boolean allows(List<String> allowList, String clientIp) {
        if (allowList == null || allowList.isEmpty()) {
            return true;
        }
        InetAddress client = parse(clientIp);
        return client != null && allowList.stream().anyMatch(entry -> matches(entry, client));
    }

    private static boolean matches(String entry, InetAddress client) {
        String[] parts = entry.split("/");
        InetAddress network = parse(parts[0]);
        if (network == null || network.getAddress().length != client.getAddress().length) {
            return false;
        }
        int bits = network.getAddress().length * 8;
        int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new BigInteger(1, network.getAddress()).and(mask)
                .equals(new BigInteger(1, client.getAddress()).and(mask));
    }

    /** Parses a literal address only (the pattern check keeps host names, and so DNS look-ups, out). */
    private static InetAddress parse(String literal) {
        if (literal == null || !LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
