package dev.billpay.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Only IP literals, "localhost" and a fake resolver: these tests never use DNS or the network. */
@DisplayName("Webhook target address policy")
class TargetAddressPolicyTest {

  /** A resolver answering from a map and remembering what it was asked. */
  private static final class FakeResolver implements TargetAddressPolicy.Resolver {
    private final Map<String, List<InetAddress>> answers;
    private final List<String> asked = new ArrayList<>();

    FakeResolver(Map<String, List<InetAddress>> answers) {
      this.answers = answers;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
      asked.add(host);
      List<InetAddress> found = answers.get(host);
      if (found == null) {
        throw new UnknownHostException(host);
      }
      return found;
    }
  }

  private final FakeResolver dns = new FakeResolver(Map.of(
      "example.com", List.of(ip("93.184.216.34"), ip("2606:2800:220:1:248:1893:25c8:1946")),
      "internal.example", List.of(ip("10.0.0.5")),
      "split.example", List.of(ip("93.184.216.34"), ip("127.0.0.1"))));

  private final TargetAddressPolicy strict = new TargetAddressPolicy(false, false, dns);
  private final TargetAddressPolicy lenient = new TargetAddressPolicy(true, true, dns);

  /** An address from a literal; getByAddress never looks anything up. */
  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByAddress(literal, literalBytes(literal));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] literalBytes(String literal) throws UnknownHostException {
    // an IP literal (the only input here) is parsed, never resolved
    return InetAddress.getByName(literal).getAddress();
  }

  @Test
  @DisplayName("an https URL whose host resolves to public addresses is accepted")
  void publicHttps() {
    assertThat(strict.problems("https://example.com/webhooks?x=1")).isEmpty();
    assertThat(dns.asked).containsExactly("example.com");
  }

  @Test
  @DisplayName("plain http is refused unless http is allowed")
  void http() {
    assertThat(strict.problems("http://example.com/webhooks")).singleElement().asString().contains("https");
    assertThat(new TargetAddressPolicy(true, false, dns).problems("http://example.com/webhooks")).isEmpty();
    assertThat(strict.problems("HTTPS://example.com/")).as("the scheme is case-insensitive").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "https://127.0.0.1/hook", "https://127.8.9.10/", "https://10.1.2.3/", "https://172.20.0.1/",
      "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.1/", "https://169.254.1.1/",
      "https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/", "https://100.127.255.255/",
      "https://[::1]/", "https://[fd00::1]/", "https://[fc00::1]/", "https://[fe80::1]/", "https://[::]/",
      "https://0.0.0.0/", "https://0.1.2.3/", "https://224.0.0.1/", "https://[ff02::1]/",
      "https://255.255.255.255/", "https://240.0.0.1/", "https://localhost/", "https://LocalHost./",
      "https://api.localhost/", "https://[::ffff:10.0.0.1]/",
      "https://[::ffff:7f00:1]/", "https://[::127.0.0.1]/", "https://[64:ff9b::a00:1]/",
      "https://[2002:c0a8:101::1]/"})
  @DisplayName("loopback, private, link-local, CGNAT, unspecified, multicast and reserved hosts are refused "
      + "unless private targets are allowed, without any lookup")
  void privateTargets(String url) {
    assertThat(strict.problems(url)).singleElement().asString().contains("public internet addresses");
    assertThat(lenient.problems(url)).isEmpty();
    assertThat(dns.asked).as("literals and localhost are never resolved").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://93.184.216.34/", "https://8.8.8.8:8443/x", "https://172.32.0.1/",
      "https://172.15.255.255/", "https://100.128.0.1/", "https://100.63.255.255/", "https://11.0.0.1/",
      "https://[2606:2800:220:1:248:1893:25c8:1946]/", "https://[2001:db8::1]/"})
  @DisplayName("public IP literals are accepted without any lookup")
  void publicLiterals(String url) {
    assertThat(strict.problems(url)).isEmpty();
    assertThat(dns.asked).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://2130706433/", "https://0177.0.0.1/", "https://0x7f000001/",
      "https://127.1/", "https://0x7f.0.0.1/", "https://1.2.3.4.5/", "https://256.0.0.1/", "https://127.0.0.1.:8443/"})
  @DisplayName("numeric hosts other than plain dotted IPv4 are refused without any lookup: HTTP stacks may read them "
      + "as loopback")
  void ambiguousNumbers(String url) {
    // java.net.URI itself rejects some of these spellings, the policy the rest
    assertThat(strict.problems(url)).singleElement().asString()
        .containsAnyOf("not a valid IPv4 address", "valid host name or IP address");
    assertThat(dns.asked).isEmpty();
  }

  @Test
  @DisplayName("a numeric host that java.net.URI accepts gets a message saying how to write it")
  void ambiguousNumberMessage() {
    assertThat(strict.problems("https://0177.0.0.1/")).singleElement().asString()
        .contains("host 0177.0.0.1 is not a valid IPv4 address");
  }

  @Test
  @DisplayName("a name resolving to a private address is refused, naming the address")
  void resolvesPrivate() {
    assertThat(strict.problems("https://internal.example/hook")).singleElement().asString()
        .contains("internal.example resolves to 10.0.0.5, a private address");
  }

  @Test
  @DisplayName("a name with one private address among public ones is refused")
  void resolvesPartlyPrivate() {
    assertThat(strict.problems("https://split.example/")).singleElement().asString()
        .contains("resolves to 127.0.0.1, a loopback address");
  }

  @Test
  @DisplayName("a name that does not resolve is a problem only when private targets are not allowed")
  void unresolvable() {
    assertThat(strict.problems("https://nowhere.example/")).singleElement().asString()
        .contains("host nowhere.example does not resolve");
    assertThat(new TargetAddressPolicy(false, true, dns).problems("https://nowhere.example/")).isEmpty();
    assertThat(dns.asked).as("only the strict policy looked the name up").containsExactly("nowhere.example");
  }

  @Test
  @DisplayName("a resolver answering with no addresses counts as not resolving")
  void emptyAnswer() {
    TargetAddressPolicy policy = new TargetAddressPolicy(false, false, host -> List.of());

    assertThat(policy.problems("https://empty.example/")).singleElement().asString().contains("does not resolve");
  }

  @Test
  @DisplayName("a URL with a user name or password is refused")
  void userInfo() {
    assertThat(strict.problems("https://user:secret@example.com/")).singleElement().asString()
        .contains("user name or password");
    assertThat(lenient.problems("https://user@127.0.0.1/")).hasSize(1);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"not a url", "example.com/webhooks", "/webhooks", "ftp://example.com/",
      "mailto:ops@example.com", "https:///webhooks", "https://", "https://exa mple.com/", "https://bad_host.example/"})
  @DisplayName("something that is not an absolute http(s) URL with a host is refused, even by a lenient policy")
  void notUrls(String url) {
    assertThat(strict.problems(url)).isNotEmpty();
    assertThat(lenient.problems(url)).isNotEmpty();
  }

  @Test
  @DisplayName("URLs up to 2048 characters are accepted, longer ones refused")
  void length() {
    String prefix = "https://example.com/";
    String longest = prefix + "a".repeat(2048 - prefix.length());

    assertThat(strict.problems(longest)).isEmpty();
    assertThat(strict.problems(longest + "a")).singleElement().asString().contains("2048");
  }

  @Test
  @DisplayName("every problem of a URL is reported at once")
  void severalProblems() {
    assertThat(strict.problems("http://admin@10.0.0.1/")).hasSize(3);
  }

  @Test
  @DisplayName("the default resolver handles IP literals and localhost without DNS")
  void defaultResolverLiterals() {
    TargetAddressPolicy policy = new TargetAddressPolicy(false, false);

    assertThat(policy.problems("https://127.0.0.1/")).hasSize(1);
    assertThat(policy.problems("https://[::1]/")).hasSize(1);
    assertThat(policy.problems("https://localhost/")).hasSize(1);
    assertThat(policy.problems("https://93.184.216.34/")).isEmpty();
  }

  @Test
  @DisplayName("at delivery the host is resolved again: a name rebound to a private address is refused, a public one is pinned")
  void rebindingAtDelivery() {
    java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
    // public when registered, loopback at the next lookup: the classic rebinding answer
    TargetAddressPolicy rebinding = new TargetAddressPolicy(false, false,
        host -> List.of(lookups.getAndIncrement() == 0 ? ip("93.184.216.34") : ip("127.0.0.1")));
    assertThat(rebinding.problems("https://rebind.example/hook")).isEmpty();
    TargetAddressPolicy.Target target = rebinding.forDelivery("https://rebind.example/hook");
    assertThat(target.refused()).isTrue();
    assertThat(target.problems()).singleElement().asString().contains("127.0.0.1");

    TargetAddressPolicy.Target ok = strict.forDelivery("https://example.com/hook");
    assertThat(ok.refused()).isFalse();
    assertThat(ok.pinnedAddress()).contains(ip("93.184.216.34"));
    assertThat(strict.forDelivery("https://93.184.216.34/hook").pinnedAddress()).as("a literal needs no pin").isEmpty();
    assertThat(lenient.forDelivery("http://127.0.0.1:9/hook").refused()).as("private allowed").isFalse();
  }
}
