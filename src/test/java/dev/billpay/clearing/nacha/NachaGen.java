package dev.billpay.clearing.nacha;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Random but valid NACHA content for property tests. Routing check digits are computed here from
 * the 3-7-1 rule rather than with production code, so the tests compare two implementations.
 */
final class NachaGen {
  static final String ODFI = "09100001";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String TEXT = LETTERS + LETTERS + "0123456789  &-'.,/#";
  private static final String IDS = LETTERS + "abcdefghijklmnopqrstuvwxyz0123456789-";
  private static final TransactionCode[] DEBITS = {TransactionCode.CHECKING_DEBIT,
      TransactionCode.SAVINGS_DEBIT};
  private static final TransactionCode[] ALL = {TransactionCode.CHECKING_DEBIT,
      TransactionCode.SAVINGS_DEBIT, TransactionCode.CHECKING_CREDIT,
      TransactionCode.SAVINGS_CREDIT, TransactionCode.CHECKING_PRENOTE_DEBIT,
      TransactionCode.SAVINGS_PRENOTE_CREDIT};

  private NachaGen() {}

  /** Files of 1-50 batches of 1-300 entries each, WEB or PPD, some with 05 addenda. */
  static Gen<NachaFile> files() {
    Gen<NachaFile> gen = source -> {
      int batches = between(source, 1, 50);
      List<Batch> list = new ArrayList<>(batches);
      long sequence = 1;
      for (int b = 1; b <= batches; b++) {
        Batch batch = batch(source, b, sequence);
        sequence += batch.entries().size();
        list.add(batch);
      }
      return new NachaFile(header(source), list);
    };
    return gen.describedAs(NachaGen::describe);
  }

  static String describe(NachaFile file) {
    return file.batches().size() + " batches, " + file.entries().size() + " entries, first "
        + (file.entries().isEmpty() ? "-" : file.entries().get(0));
  }

  static FileHeader header(RandomnessSource source) {
    return new FileHeader(" " + routing(source), String.valueOf(between(source, 1, 9))
        + digits(source, 9), date(source).atTime(between(source, 0, 23), between(source, 0, 59))
        .toLocalDate(), LocalTime.of(between(source, 0, 23), between(source, 0, 59)),
        pick(source, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), text(source, 0, 23),
        text(source, 0, 23), text(source, 0, 8));
  }

  private static Batch batch(RandomnessSource source, int number, long firstSequence) {
    boolean mixed = between(source, 0, 3) == 0;
    SecCode sec = between(source, 0, 1) == 0 ? SecCode.WEB : SecCode.PPD;
    BatchHeader header = new BatchHeader(mixed ? ServiceClass.MIXED : ServiceClass.DEBITS_ONLY,
        text(source, 1, 16), text(source, 0, 20), "1" + digits(source, 9), sec,
        text(source, 1, 10), text(source, 0, 6), date(source), "", '1', ODFI, number);
    int size = between(source, 1, 300);
    List<EntryDetail> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      // the first entry may carry the largest amount; 50 of those plus 15,000 entries of at
      // most 30,000,000 cents keep the 12-digit file totals in range
      long maxAmount = i == 0 ? EntryDetail.MAX_AMOUNT_CENTS : 30_000_000L;
      entries.add(entry(source, mixed ? ALL : DEBITS, sec, firstSequence + i, maxAmount));
    }
    return new Batch(header, entries);
  }

  static EntryDetail entry(RandomnessSource source, TransactionCode[] codes, SecCode sec,
      long sequence, long maxAmount) {
    TransactionCode code = codes[between(source, 0, codes.length - 1)];
    long amount = code.isPrenote() ? 0 : longs().between(0, maxAmount).generate(source);
    List<Addenda> addenda = between(source, 0, 4) == 0
        ? List.of(new Addenda.PaymentInfo(text(source, 0, 80))) : List.of();
    String discretionary = sec == SecCode.WEB ? (between(source, 0, 1) == 0 ? "S" : "R") : "";
    return new EntryDetail(code, routing(source), digits(source, between(source, 4, 17)), amount,
        id(source, 0, 15), text(source, 0, 22), discretionary, trace(sequence), addenda);
  }

  static String trace(long sequence) {
    return ODFI + String.format("%07d", sequence);
  }

  /** A 9-digit routing number whose check digit follows the 3-7-1 rule. */
  static String routing(RandomnessSource source) {
    String eight = digits(source, 8);
    int[] weights = {3, 7, 1, 3, 7, 1, 3, 7};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += weights[i] * (eight.charAt(i) - '0');
    }
    return eight + (10 - sum % 10) % 10;
  }

  static LocalDate date(RandomnessSource source) {
    return LocalDate.of(2000, 1, 1).plusDays(between(source, 0, 36_500));
  }

  static LocalDateTime dateTime(RandomnessSource source) {
    return date(source).atTime(between(source, 0, 23), between(source, 0, 59));
  }

  /** Upper-case text that the writer leaves unchanged, without trailing spaces. */
  static String text(RandomnessSource source, int min, int max) {
    return chars(source, TEXT, min, max).stripTrailing();
  }

  /** Identifiers in mixed case, which the writer writes as given. */
  static String id(RandomnessSource source, int min, int max) {
    return chars(source, IDS, min, max);
  }

  static String digits(RandomnessSource source, int length) {
    return chars(source, "0123456789", length, length);
  }

  static int between(RandomnessSource source, int min, int max) {
    return integers().between(min, max).generate(source);
  }

  private static char pick(RandomnessSource source, String alphabet) {
    return alphabet.charAt(between(source, 0, alphabet.length() - 1));
  }

  private static String chars(RandomnessSource source, String alphabet, int min, int max) {
    int length = between(source, min, max);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(pick(source, alphabet));
    }
    return out.toString();
  }
}
