package dev.billpay.banknotifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.nacha.Addenda;
import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.NachaReadResult;
import dev.billpay.clearing.nacha.SecCode;
import dev.billpay.config.ConfigLoader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A return or NOC notification as a NACHA return file")
class NotificationReturnFileTest {
  private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 3, 9, 30);
  private final NotificationReturnFile files =
      new NotificationReturnFile(ConfigLoader.load(Map.of()).clearing());

  @Test
  @DisplayName("a return reads back as one clean return entry of the notified trace number, code, amount and text")
  void returnEntry() {
    NachaReadResult.Accepted read = files.of(new BankNotification.Return("ntf", "011000010000042", "R01", 4242,
        LocalDate.of(2026, 12, 2), "INSUFFICIENT FUNDS"), AT);
    assertThat(read.isClean()).isTrue();
    assertThat(read.file().entries()).hasSize(1);
    EntryDetail entry = read.file().entries().get(0);
    assertThat(entry.amountCents()).isEqualTo(4242);
    assertThat(entry.transactionCode().isReturnOrNotification()).isTrue();
    assertThat(entry.addenda()).singleElement().isInstanceOfSatisfying(Addenda.Return.class, r -> {
      assertThat(r.originalTrace()).isEqualTo("011000010000042");
      assertThat(r.returnCode()).isEqualTo("R01");
      assertThat(r.information()).isEqualTo("INSUFFICIENT FUNDS");
    });
  }

  @Test
  @DisplayName("a notification of change reads back as one COR entry with no amount and the corrected data")
  void changeEntry() {
    NachaReadResult.Accepted read = files.of(new BankNotification.Change("ntf", "011000010000042", "C01",
        "12345678", null), AT);
    assertThat(read.isClean()).isTrue();
    assertThat(read.file().batches().get(0).header().secCode()).isEqualTo(SecCode.COR);
    EntryDetail entry = read.file().entries().get(0);
    assertThat(entry.amountCents()).isZero();
    assertThat(entry.addenda()).singleElement().isInstanceOfSatisfying(Addenda.Correction.class, c -> {
      assertThat(c.originalTrace()).isEqualTo("011000010000042");
      assertThat(c.changeCode()).isEqualTo("C01");
      assertThat(c.correctedData().trim()).isEqualTo("12345678");
    });
  }
}
