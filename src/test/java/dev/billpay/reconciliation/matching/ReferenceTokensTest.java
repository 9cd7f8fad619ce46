package dev.billpay.reconciliation.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reference tokens")
class ReferenceTokensTest {
  @Test
  @DisplayName("payment ids, invoice numbers and dotted references stay whole; other marks split")
  void tokens() {
    assertThat(ReferenceTokens.of("WIRE FROM ACME CORP, NEW YORK/NY; REF:pay_01HZX3Q9."))
        .containsExactly("wire", "from", "acme", "corp", "new", "york", "ny", "ref",
            "pay_01hzx3q9");
    assertThat(ReferenceTokens.of("INV-2024-001 (REF.7781) -- 22/03/66"))
        .containsExactly("inv-2024-001", "ref.7781", "22", "03", "66");
    assertThat(ReferenceTokens.of("")).isEmpty();
    assertThat(ReferenceTokens.of(null)).isEmpty();
  }

  @Test
  @DisplayName("a reference of several tokens matches only the same tokens in a row")
  void multiTokenReferences() {
    List<String> text = ReferenceTokens.of("PAYMENT ACME, 123 THANKS");

    assertThat(ReferenceTokens.matchesAt(text, 1, ReferenceTokens.of("acme 123"))).isTrue();
    assertThat(ReferenceTokens.matchesAt(text, 1, ReferenceTokens.of("acme 1234"))).isFalse();
    assertThat(ReferenceTokens.matchesAt(text, 3, ReferenceTokens.of("thanks again"))).isFalse();
    assertThat(ReferenceTokens.matchesAt(text, 0, List.of())).isFalse();
  }
}
