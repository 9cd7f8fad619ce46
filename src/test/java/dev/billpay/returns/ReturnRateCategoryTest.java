package dev.billpay.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Return rate categories and thresholds")
class ReturnRateCategoryTest {
  @Test
  @DisplayName("unauthorized codes count against 0.5%, administrative against 3%, every code against 15%")
  void thresholds() {
    Map<String, Long> returns = Map.of("R10", 1L, "R03", 3L, "R01", 10L);
    assertThat(ReturnRateCategory.UNAUTHORIZED.returns(returns)).isEqualTo(1);
    assertThat(ReturnRateCategory.ADMINISTRATIVE.returns(returns)).isEqualTo(3);
    assertThat(ReturnRateCategory.OVERALL.returns(returns)).isEqualTo(14);
    assertThat(ReturnRateCategory.UNAUTHORIZED.exceeded(200, returns)).as("exactly 0.5% is not over").isFalse();
    assertThat(ReturnRateCategory.UNAUTHORIZED.exceeded(199, returns)).isTrue();
    assertThat(ReturnRateCategory.ADMINISTRATIVE.exceeded(100, returns)).isFalse();
    assertThat(ReturnRateCategory.ADMINISTRATIVE.exceeded(99, returns)).isTrue();
    assertThat(ReturnRateCategory.OVERALL.exceeded(100, returns)).isFalse();
    assertThat(ReturnRateCategory.OVERALL.exceeded(93, returns)).isTrue();
    assertThat(ReturnRateCategory.OVERALL.rate(0, returns)).isZero();
  }
}
