package dev.billpay.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises addresses that are not on the public internet, so a webhook cannot be aimed at the
 * gateway's own network (server-side request forgery). The JDK's {@code is…Address} methods cover
 * most ranges; the rest (carrier-grade NAT, IPv6 unique-local, IPv4 hidden inside IPv6) are
 * checked by hand.
 */
final class ReservedAddresses {
  private ReservedAddresses() {}

  /** What kind of non-public address this is, e.g. "a loopback address"; empty for a public one. */
  static Optional<String> kind(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return Optional.of("an unspecified address");
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address");
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("a private address");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("a multicast address");
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return ipv4(b);
    }
    if (address instanceof Inet6Address) {
      return ipv6(b);
    }
    return Optional.empty();
  }

  private static Optional<String> ipv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0) {
      // 0.0.0.0/8 means "this host" to most stacks: connecting to it reaches the local machine
      return Optional.of("an unspecified address");
    }
    if (first == 100 && second >= 64 && second <= 127) {
      return Optional.of("a carrier-grade NAT address");
    }
    if (first >= 240) {
      // 240.0.0.0/4 (reserved) including the broadcast address 255.255.255.255
      return Optional.of("a reserved address");
    }
    return Optional.empty();
  }

  private static Optional<String> ipv6(byte[] b) {
    if ((b[0] & 0xfe) == 0xfc) {
      // fc00::/7, unique-local: IPv6's counterpart of 10/8 and friends, which isSiteLocalAddress misses
      return Optional.of("a private address");
    }
    // an IPv4 address wrapped in IPv6 reaches that IPv4 host, so it must pass the IPv4 checks too
    return embeddedIpv4(b).flatMap(ReservedAddresses::kind);
  }

  private static Optional<InetAddress> embeddedIpv4(byte[] b) {
    boolean zeroPrefix = allZero(b, 0, 10);
    boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff; // ::ffff:0:0/96
    boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0; // ::/96, deprecated but still routable
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
        && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12); // 64:ff9b::/96
    if (mapped || compatible || nat64) {
      return Optional.of(ipv4Address(Arrays.copyOfRange(b, 12, 16)));
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return Optional.of(ipv4Address(Arrays.copyOfRange(b, 2, 6))); // 2002::/16, 6to4
    }
    return Optional.empty();
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** An IPv4 address from its four bytes; getByAddress never looks anything up. */
  static InetAddress ipv4Address(byte[] four) {
    try {
      return InetAddress.getByAddress(four);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an IPv4 address has 4 bytes, got " + four.length, e);
    }
  }
}
