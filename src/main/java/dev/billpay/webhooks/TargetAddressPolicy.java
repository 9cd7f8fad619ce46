package dev.billpay.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a URL may be registered as a webhook target. Webhooks make the gateway send
 * requests to addresses chosen by API clients, so without these rules a client could reach the
 * gateway's own network (server-side request forgery): only absolute https URLs without
 * credentials, and, unless private targets are allowed, only hosts on the public internet.
 *
 * <p><b>Blocking:</b> {@link #problems} resolves host names (with the default resolver through
 * {@link InetAddress#getAllByName}, i.e. the system's DNS), which can take seconds. Call it on a
 * worker thread ({@code vertx.executeBlocking}), never on an event loop.
 *
 * <p>A name can later resolve elsewhere (DNS rebinding), so every delivery checks again with
 * {@link #forDelivery} and connects to the very address it checked. That closes the gap between
 * check and connect; it is still no substitute for network egress rules.
 */
public final class TargetAddressPolicy {
  /** Longest accepted URL, in characters. */
  public static final int MAX_URL_LENGTH = 2048;

  private static final String PUBLIC_ONLY = "; webhook targets must be public internet addresses";
  // four decimal numbers 0-255 without leading zeros: C's inet_aton reads 0177 as octal 127
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

  /** Looks up the addresses of a host name. */
  @FunctionalInterface
  public interface Resolver {
    /** Every address {@code host} resolves to; may block. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  /**
   * Where one delivery may go: refused with problems, or allowed, pinned to the checked address when
   * the host is a name (empty when the URL holds a literal address or private targets are allowed).
   */
  public record Target(List<String> problems, Optional<InetAddress> pinnedAddress) {
    public boolean refused() {
      return !problems.isEmpty();
    }
  }

  private final boolean allowHttp;
  private final boolean allowPrivateTargets;
  private final Resolver resolver;

  /** A policy resolving host names with the system's DNS. */
  public TargetAddressPolicy(boolean allowHttp, boolean allowPrivateTargets) {
    this(allowHttp, allowPrivateTargets, host -> List.of(InetAddress.getAllByName(host)));
  }

  /** A policy resolving host names with {@code resolver}; tests pass one that never touches the network. */
  public TargetAddressPolicy(boolean allowHttp, boolean allowPrivateTargets, Resolver resolver) {
    this.allowHttp = allowHttp;
    this.allowPrivateTargets = allowPrivateTargets;
    this.resolver = resolver;
  }

  /**
   * Every reason {@code url} is not an acceptable webhook target, worded for the API client; empty
   * when it is acceptable. Blocks while a host name is resolved (see the class documentation);
   * nothing is resolved when private targets are allowed.
   */
  public List<String> problems(String url) {
    if (url == null || url.isBlank()) {
      return List.of("URL is required");
    }
    List<String> problems = new ArrayList<>();
    if (url.length() > MAX_URL_LENGTH) {
      problems.add("URL is longer than " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      problems.add("URL is not valid: " + e.getReason() + " at index " + e.getIndex());
      return List.copyOf(problems);
    }
    if (uri.getScheme() == null) {
      problems.add("URL must be absolute, e.g. https://example.com/webhooks");
      return List.copyOf(problems);
    }
    schemeProblem(uri.getScheme()).ifPresent(problems::add);
    if (uri.getRawUserInfo() != null) {
      // credentials in a URL end up in logs and delivery records; use the signature to authenticate
      problems.add("URL must not contain a user name or password");
    }
    String host = uri.getHost();
    if (host == null) {
      // java.net.URI leaves the host out when it is not a valid name or address, e.g. bad_host or 127.1
      problems.add("URL must have a valid host name or IP address");
    } else if (!allowPrivateTargets) {
      hostProblem(host).ifPresent(problems::add);
    }
    return List.copyOf(problems);
  }

  /** The check of {@link #problems}, made again just before a delivery; blocks while the host is resolved. */
  public Target forDelivery(String url) {
    List<String> problems = problems(url);
    if (!problems.isEmpty() || allowPrivateTargets) {
      return new Target(problems, Optional.empty());
    }
    String host = URI.create(url).getHost();
    if (host.startsWith("[") || looksNumeric(host.toLowerCase(Locale.ROOT))) {
      return new Target(List.of(), Optional.empty());
    }
    // resolve once more and pin the connection to what was checked: a rebinding answer between
    // this check and the connect cannot redirect the request
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      addresses = List.of();
    }
    if (addresses == null || addresses.isEmpty()) {
      return new Target(List.of("host " + host + " does not resolve"), Optional.empty());
    }
    for (InetAddress address : addresses) {
      Optional<String> kind = ReservedAddresses.kind(address);
      if (kind.isPresent()) {
        return new Target(List.of("host " + host + " resolves to " + address.getHostAddress() + ", " + kind.get()
            + PUBLIC_ONLY), Optional.empty());
      }
    }
    return new Target(List.of(), Optional.of(addresses.get(0)));
  }

  private Optional<String> schemeProblem(String scheme) {
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (lower.equals("https") || (lower.equals("http") && allowHttp)) {
      return Optional.empty();
    }
    if (lower.equals("http")) {
      return Optional.of("URL must use https; plain http is not allowed");
    }
    return Optional.of("URL must use https, not " + scheme);
  }

  private Optional<String> hostProblem(String host) {
    if (host.startsWith("[")) {
      return ipv6Literal(host);
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      // RFC 6761: localhost and every name under it mean this machine, whatever DNS says
      return Optional.of("host " + host + " is the local machine" + PUBLIC_ONLY);
    }
    if (looksNumeric(name)) {
      return ipv4Literal(name, host);
    }
    return resolvedProblem(host);
  }

  /**
   * A last label starting with a digit is an IPv4 address, not a name (no top-level domain starts
   * with one). Only the plain dotted form is accepted: HTTP stacks also read 2130706433, 127.1 or
   * 0x7f.0.0.1 as 127.0.0.1, and those spellings must not slip past the range checks.
   */
  private static boolean looksNumeric(String name) {
    String last = name.substring(name.lastIndexOf('.') + 1);
    return !last.isEmpty() && last.charAt(0) >= '0' && last.charAt(0) <= '9';
  }

  private static Optional<String> ipv4Literal(String name, String host) {
    if (!IPV4.matcher(name).matches()) {
      return Optional.of("host " + host + " is not a valid IPv4 address: write four decimal numbers without "
          + "leading zeros, e.g. 93.184.216.34");
    }
    String[] parts = name.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    InetAddress address = ReservedAddresses.ipv4Address(bytes);
    return ReservedAddresses.kind(address).map(kind -> "host " + host + " is " + kind + PUBLIC_ONLY);
  }

  private static Optional<String> ipv6Literal(String host) {
    InetAddress address;
    try {
      // with the brackets the JDK insists on an IPv6 literal and never falls back to DNS
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return Optional.of("host " + host + " is not a valid IPv6 address");
    }
    return ReservedAddresses.kind(address).map(kind -> "host " + host + " is " + kind + PUBLIC_ONLY);
  }

  private Optional<String> resolvedProblem(String host) {
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      addresses = List.of();
    }
    if (addresses == null || addresses.isEmpty()) {
      return Optional.of("host " + host + " does not resolve");
    }
    // every address counts: the HTTP client may connect to any of them
    for (InetAddress address : addresses) {
      Optional<String> kind = ReservedAddresses.kind(address);
      if (kind.isPresent()) {
        return Optional.of("host " + host + " resolves to " + address.getHostAddress() + ", " + kind.get()
            + PUBLIC_ONLY);
      }
    }
    return Optional.empty();
  }
}
