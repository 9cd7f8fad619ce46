package dev.billpay.reconciliation.bai2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BAI2 type codes")
class Bai2TypeCodesTest {
  @Test
  @DisplayName("credits are 100-399 and 930-959, debits 400-699 and 960-999, the rest moves no money")
  void directionByRange() {
    IntStream.rangeClosed(0, 999).mapToObj(code -> String.format("%03d", code)).forEach(code -> {
      int value = Integer.parseInt(code);
      Direction expected = (value >= 100 && value <= 399) || (value >= 930 && value <= 959)
          ? Direction.CREDIT
          : (value >= 400 && value <= 699) || value >= 960 ? Direction.DEBIT : Direction.NONE;
      assertThat(Bai2TypeCodes.direction(code)).as(code).isEqualTo(expected);
    });
  }

  @Test
  @DisplayName("anything but three digits has no direction")
  void malformedCodes() {
    for (String code : List.of("", "16", "1650", "16a", "-99", " 165")) {
      assertThat(Bai2TypeCodes.direction(code)).as(code).isEqualTo(Direction.NONE);
    }
    assertThat(Bai2TypeCodes.direction(null)).isEqualTo(Direction.NONE);
  }

  @Test
  @DisplayName("ACH settlement credits are 142, 145, 165, 166 and 169, all credits")
  void achSettlementCredits() {
    List<String> codes = IntStream.rangeClosed(0, 999)
        .mapToObj(code -> String.format("%03d", code))
        .filter(Bai2TypeCodes::isAchSettlementCredit).toList();

    assertThat(codes).containsExactly("142", "145", "165", "166", "169");
    assertThat(codes).allMatch(code -> Bai2TypeCodes.direction(code) == Direction.CREDIT);
  }

  @Test
  @DisplayName("incoming transfer credits are 191, 195, 206 and 208, all credits")
  void incomingTransferCredits() {
    List<String> codes = IntStream.rangeClosed(0, 999)
        .mapToObj(code -> String.format("%03d", code))
        .filter(Bai2TypeCodes::isIncomingTransferCredit).toList();

    assertThat(codes).containsExactly("191", "195", "206", "208");
    assertThat(codes).allMatch(code -> Bai2TypeCodes.direction(code) == Direction.CREDIT);
  }

  @Test
  @DisplayName("codes carry the specification's names, others a label by direction")
  void names() {
    assertThat(Bai2TypeCodes.name("195")).isEqualTo("Incoming Money Transfer");
    assertThat(Bai2TypeCodes.name("206")).isEqualTo("Book Transfer Credit");
    assertThat(Bai2TypeCodes.name("208"))
        .isEqualTo("Individual International Money Transfer Credit");
    assertThat(Bai2TypeCodes.name("275")).isEqualTo("ZBA Credit");
    assertThat(Bai2TypeCodes.name("469")).isEqualTo("Miscellaneous ACH Debit");
    assertThat(Bai2TypeCodes.name("941")).isEqualTo("Credit 941");
    assertThat(Bai2TypeCodes.name("777")).isEqualTo("Type code 777");
  }
}
