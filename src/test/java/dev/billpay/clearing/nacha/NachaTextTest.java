package dev.billpay.clearing.nacha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NACHA free text")
class NachaTextTest {

  @Test
  @DisplayName("upper-cases and drops accents, spelling out letters that do not decompose")
  void transliterates() {
    assertThat(NachaText.sanitize("José Álvarez-Müller")).isEqualTo("JOSE ALVAREZ-MULLER");
    assertThat(NachaText.sanitize("Zoë Łukasz Straße Ærø")).isEqualTo("ZOE LUKASZ STRASSE AERO");
    assertThat(NachaText.sanitize("ﬁne Ｗｅｂ")).isEqualTo("FINE WEB");
  }

  @Test
  @DisplayName("replaces each character without an ASCII spelling by one question mark")
  void replaces() {
    assertThat(NachaText.sanitize("李 小龍")).isEqualTo("? ??");
    assertThat(NachaText.sanitize("A😀B\tC")).isEqualTo("A?B?C");
  }

  @Test
  @DisplayName("whatever the input, the result is upper-case printable ASCII and stays so")
  void alwaysPrintableAscii() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(text -> {
      String sanitized = NachaText.sanitize(text);
      assertThat(sanitized.chars()).allMatch(c -> c >= 0x20 && c <= 0x7E && !(c >= 'a'
          && c <= 'z'));
      assertThat(NachaText.sanitize(sanitized)).isEqualTo(sanitized);
    });
  }

  @Test
  @DisplayName("drops spaces at either end, since alphameric fields are left-justified")
  void leftJustifies() {
    assertThat(NachaText.sanitize("  Jane Doe  ")).isEqualTo("JANE DOE");
    assertThat(NachaText.fit("Jane Doe Smith", 9)).isEqualTo("JANE DOE");
  }

  @Test
  @DisplayName("fit cuts sanitized text to the width the caller chose")
  void fit() {
    assertThat(NachaText.fit("Alexandria Ocasio-Cortez-Smith", 22))
        .isEqualTo("ALEXANDRIA OCASIO-CORT");
  }
}
