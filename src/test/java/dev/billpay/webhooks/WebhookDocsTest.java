package dev.billpay.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Receivers copy the verifier from docs/webhooks.md, so the page must show exactly the tested code. */
@DisplayName("Webhook documentation")
class WebhookDocsTest {
  private static final String START = "  // receiver-snippet:start\n";
  private static final String END = "  // receiver-snippet:end\n";

  @Test
  @DisplayName("docs/webhooks.md shows WebhookSignature.verify verbatim")
  void snippetIsVerbatim() throws IOException {
    // Maven runs tests from the project directory
    String source = Files.readString(Path.of("src/main/java/dev/billpay/webhooks/WebhookSignature.java"));
    String docs = Files.readString(Path.of("docs/webhooks.md"));
    String snippet = source.substring(source.indexOf(START) + START.length(), source.indexOf(END));

    assertThat(snippet).contains("public static boolean verify(");
    assertThat(docs).contains(snippet);
  }

  @Test
  @DisplayName("docs/webhooks.md states the production retry schedule")
  void retrySchedule() throws IOException {
    assertThat(Files.readString(Path.of("docs/webhooks.md")))
        .contains("`5,300,1800,7200,18000,36000,36000,86400,86400`");
  }
}
