package dev.billpay.clearing.nacha;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The model of {@code src/test/resources/nacha/golden-web-ppd.ach}, a file whose every field was
 * composed and checked by hand against the NACHA record layouts: a WEB debit batch (service class
 * 225, one entry with a 05 addenda) and a balanced PPD batch (200, a debit and its offsetting
 * credit to the company's settlement account).
 */
final class GoldenFile {
  static final String RESOURCE = "/nacha/golden-web-ppd.ach";

  private GoldenFile() {}

  static NachaFile model() {
    FileHeader header = new FileHeader(" 091000019", "1234567890", LocalDate.of(2025, 9, 15),
        LocalTime.of(10, 30), 'A', "Wells Fargo Bank", "BillPay Inc", "golden01");
    BatchHeader web = new BatchHeader(ServiceClass.DEBITS_ONLY, "BillPay Inc", "", "1234567890",
        SecCode.WEB, "BillPay", "Sep 15", LocalDate.of(2025, 9, 16), "", '1', "09100001", 1);
    BatchHeader ppd = new BatchHeader(ServiceClass.MIXED, "BillPay Inc", "", "1234567890",
        SecCode.PPD, "BillPay", "Sep 15", LocalDate.of(2025, 9, 17), "", '1', "09100001", 2);
    return new NachaFile(header, List.of(
        new Batch(web, List.of(
            new EntryDetail(TransactionCode.CHECKING_DEBIT, "021000021", "123456789", 12_345,
                "INV-1001", "José Álvarez", "S", "091000010000001", List.of()),
            new EntryDetail(TransactionCode.SAVINGS_DEBIT, "011000015", "987654321012", 500_000,
                "INV-1002", "Mary O'Brien", "R", "091000010000002",
                List.of(new Addenda.PaymentInfo("Payment for invoice 1002"))))),
        new Batch(ppd, List.of(
            new EntryDetail(TransactionCode.CHECKING_DEBIT, "322271627", "55555", 9_999, "",
                "Zoë Łukasz", "", "091000010000003", List.of()),
            new EntryDetail(TransactionCode.CHECKING_CREDIT, "091000019", "100200300", 9_999,
                "1234567890", "BillPay Inc", "", "091000010000004", List.of())))));
  }

  /** The model as the reader gives it back: free text as the writer sanitized it. */
  static NachaFile sanitizedModel() {
    return Sanitized.of(model());
  }

  static String text() throws IOException {
    try (InputStream in = GoldenFile.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
