package dev.billpay.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.billpay.config.LogFormat;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The gateway's own logback.xml (not the tests' one), in a context of its own so the tests' logging stays. */
@DisplayName("The log formats of logback.xml")
class LoggingTest {
  private static final URL GATEWAY_CONFIG = LoggingTest.class.getClassLoader().getResource("logback.xml");

  @Test
  @DisplayName("json writes each event as one JSON object a line, with its level, logger and formatted message")
  void jsonLine() {
    String out = logOneLine(LogFormat.JSON);
    assertThat(out.lines()).hasSize(1);
    JsonObject line = new JsonObject(out.strip());
    assertThat(line.getString("level")).isEqualTo("WARN");
    assertThat(line.getString("loggerName")).isEqualTo("dev.billpay.payments.Example");
    assertThat(line.getString("formattedMessage")).isEqualTo("payment pay_01 took 42 ms");
    assertThat(line.getLong("timestamp")).isPositive();
  }

  @Test
  @DisplayName("text writes one readable line with time, level, logger and message, which is not JSON")
  void textLine() {
    String out = logOneLine(LogFormat.TEXT);
    assertThat(out.lines()).hasSize(1);
    assertThat(out.strip())
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  dev\\.billpay\\.payments\\.Example - payment pay_01 took 42 ms");
    assertThatThrownBy(() -> new JsonObject(out.strip())).isInstanceOf(DecodeException.class);
  }

  private static String logOneLine(LogFormat format) {
    LoggerContext context = new LoggerContext();
    // a context of our own needs what slf4j's binding would otherwise give it
    context.setMDCAdapter(new LogbackMDCAdapter());
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      // the console appender writes to whatever System.out is at the time of each event
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      Logging.configure(context, format, GATEWAY_CONFIG);
      context.getLogger("dev.billpay.payments.Example").warn("payment {} took {} ms", "pay_01", 42);
    } finally {
      System.setOut(original);
      context.stop();
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
