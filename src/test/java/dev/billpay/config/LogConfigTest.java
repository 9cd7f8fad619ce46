package dev.billpay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.config.GatewayConfig.LogConfig;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("log.format (BILLPAY_LOG_FORMAT)")
class LogConfigTest {

  private static LogConfig load(Map<String, String> env) {
    return ConfigLoader.load(ConfigLoader.bundledDefaults(), env).log();
  }

  @Test
  @DisplayName("is empty by default, so each command keeps its own format: JSON for serve, text for dev")
  void commandChoosesByDefault() {
    LogConfig log = load(Map.of());
    assertThat(log.formatOr(LogFormat.JSON)).isEqualTo(LogFormat.JSON);
    assertThat(log.formatOr(LogFormat.TEXT)).isEqualTo(LogFormat.TEXT);
  }

  @Test
  @DisplayName("text or json from the environment overrides the command's format, in any letter case")
  void environmentOverrides() {
    assertThat(load(Map.of("BILLPAY_LOG_FORMAT", "json")).formatOr(LogFormat.TEXT)).isEqualTo(LogFormat.JSON);
    assertThat(load(Map.of("BILLPAY_LOG_FORMAT", "Text")).formatOr(LogFormat.JSON)).isEqualTo(LogFormat.TEXT);
    assertThat(load(Map.of("BILLPAY_LOG_FORMAT", " text ")).formatOr(LogFormat.JSON)).isEqualTo(LogFormat.TEXT);
  }

  @Test
  @DisplayName("any other value stops the start with one line naming the key, the variable and the values allowed")
  void invalidValue() {
    assertThatThrownBy(() -> load(Map.of("BILLPAY_LOG_FORMAT", "xml")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
            "log.format (BILLPAY_LOG_FORMAT): expected text or json (or empty: json under serve, text under dev),"
                + " got 'xml'"));
  }
}
