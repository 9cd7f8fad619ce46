package dev.billpay.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Clearing file states")
class ClearingFileStatusTest {

  @Test
  @DisplayName("the states are exactly those the clearing_files.status check allows (set last by V14)")
  void sameAsTheSchema() throws Exception {
    String sql;
    try (InputStream in = getClass().getResourceAsStream("/db/migration/V14__clearing_file_operations.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher check = Pattern.compile("CHECK \\(status IN \\(([^)]*)\\)\\)").matcher(sql);
    assertThat(check.find()).isTrue();
    var allowed = Arrays.stream(check.group(1).split(",")).map(s -> s.trim().replace("'", "")).toList();
    assertThat(Arrays.stream(ClearingFileStatus.values()).map(ClearingFileStatus::wire))
        .containsExactlyInAnyOrderElementsOf(allowed);
  }

  @Test
  @DisplayName("a state's wire name reads back as the state")
  void roundTrip() {
    for (ClearingFileStatus s : ClearingFileStatus.values()) {
      assertThat(ClearingFileStatus.fromWire(s.wire())).isEqualTo(s);
    }
    assertThat(ClearingFileStatus.TRANSMISSION_UNKNOWN.wire()).isEqualTo("transmission_unknown");
  }
}
