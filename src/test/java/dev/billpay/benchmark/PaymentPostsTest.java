package dev.billpay.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Payment posts: what the load generator reads from an answer")
class PaymentPostsTest {

  @Test
  @DisplayName("the payment id is read from the start of the gateway's answer")
  void idOfAnswer() {
    assertThat(PaymentPosts.idOf(Buffer.buffer("{\"id\":\"pay_01JABC\",\"object\":\"payment\",\"payee_id\":\"pe_1\"}")))
        .isEqualTo("pay_01JABC");
    assertThat(PaymentPosts.idOf(Buffer.buffer("{}"))).isEmpty();
  }
}
