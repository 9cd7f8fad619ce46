package dev.billpay.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Prefixed, time-ordered ids")
class IdsTest {

  @Test
  @DisplayName("ids carry their prefix and 26 Crockford base32 characters")
  void format() {
    assertThat(Ids.newId("pay")).matches("pay_[0-9A-HJKMNP-TV-Z]{26}");
  }

  @Test
  @DisplayName("a later millisecond sorts after an earlier one")
  void ordered() {
    long t = 1_795_000_000_000L;
    for (int i = 0; i < 1000; i++) {
      assertThat(Ids.newId("pay", t + i + 1)).isGreaterThan(Ids.newId("pay", t + i));
    }
  }

  @Test
  @DisplayName("100,000 ids in the same millisecond are all distinct")
  void unique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(Ids.newId("pay", 42L))).isTrue();
    }
  }
}
