package dev.billpay.reconciliation.bai2;

import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of {@link Bai2Statement}s for property tests: every funds type, signed and defaulted
 * summary amounts, references with blanks, and text full of commas, slashes and blanks.
 */
final class Bai2Statements {
  static final String TEXT_CHARACTERS = "AZaz09 /-:;.#&'()*";
  private static final String ID_CHARACTERS = "ABXYZ0189 -_.";
  private static final long MAX_AMOUNT = 999_999_999_999L;
  private static final List<String> SUMMARY_CODES =
      List.of("010", "015", "040", "045", "072", "100", "190", "400", "905");
  private static final List<String> DETAIL_CODES = List.of("115", "142", "165", "166", "169",
      "195", "206", "208", "275", "455", "469", "475", "495", "699", "890", "935", "975");

  private Bai2Statements() {}

  static Gen<Bai2Statement> statements() {
    Gen<OptionalInt> lengths = Generate.pick(List.of(OptionalInt.empty(), OptionalInt.of(50),
        OptionalInt.of(80), OptionalInt.of(132)));
    return source -> {
      FileHeader header = new FileHeader(ids(1).generate(source), ids(1).generate(source),
          dates().generate(source), times().generate(source), ids(1).generate(source),
          lengths.generate(source), optionalInts(1, 99).generate(source));
      GroupHeader group = new GroupHeader(ids(0).generate(source), ids(1).generate(source),
          Generate.range(1, 4).generate(source), dates().generate(source),
          Generate.pick(List.of("", "0000", "1159", "2400", "9999")).generate(source),
          Generate.pick(List.of("USD", "CAD", "EUR", "JPY")).generate(source),
          optionalInts(1, 4).generate(source));
      return new Bai2Statement(header, group,
          lists().of(accounts()).ofSizeBetween(0, 4).generate(source));
    };
  }

  static Gen<Bai2Statement.Account> accounts() {
    return source -> new Bai2Statement.Account(ids(1).generate(source),
        Generate.pick(List.of("", "USD", "GBP")).generate(source),
        lists().of(summaries()).ofSizeBetween(0, 5).generate(source),
        lists().of(entries()).ofSizeBetween(0, 6).generate(source));
  }

  static Gen<Summary> summaries() {
    Gen<OptionalLong> amounts = Generate.longRange(-MAX_AMOUNT, MAX_AMOUNT).map(OptionalLong::of)
        .mix(Generate.constant(OptionalLong.empty()), 20);
    return source -> new Summary(Generate.pick(SUMMARY_CODES).generate(source),
        amounts.generate(source), optionalInts(0, 9999).generate(source),
        funds(true).generate(source));
  }

  static Gen<Bai2Statement.Entry> entries() {
    return source -> new Bai2Statement.Entry(Generate.pick(DETAIL_CODES).generate(source),
        Generate.longRange(0, MAX_AMOUNT).generate(source), funds(false).generate(source),
        ids(0).generate(source), ids(0).generate(source), texts().generate(source));
  }

  /** Up to five pieces of up to 20 characters, joined by commas. */
  static Gen<String> texts() {
    Gen<String> piece = source -> {
      int length = Generate.range(0, 20).generate(source);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length; i++) {
        text.append(Generate.pick(chars(TEXT_CHARACTERS)).generate(source));
      }
      return text.toString();
    };
    return lists().of(piece).ofSizeBetween(1, 5).map(pieces -> String.join(",", pieces));
  }

  /** Any printable ASCII, for files without a physical record length. */
  static Gen<String> anyTexts() {
    return strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 300);
  }

  static Gen<FundsType> funds(boolean signed) {
    Gen<Long> amounts = signed
        ? Generate.longRange(-MAX_AMOUNT, MAX_AMOUNT) : Generate.longRange(0, MAX_AMOUNT);
    Gen<FundsType.Availability> distributions = Generate.range(0, 30)
        .zip(amounts, FundsType.Availability::new);
    return source -> switch (Generate.range(0, 6).generate(source)) {
      case 0 -> FundsType.IMMEDIATE;
      case 1 -> FundsType.ONE_DAY;
      case 2 -> FundsType.TWO_OR_MORE_DAYS;
      case 3 -> FundsType.UNKNOWN;
      case 4 -> FundsType.valueDated(dates().generate(source),
          Generate.pick(List.of("", "0000", "0930", "2400")).generate(source));
      case 5 -> FundsType.distributed(amounts.generate(source), amounts.generate(source),
          amounts.generate(source));
      default -> FundsType.distributed(lists().of(distributions).ofSizeBetween(0, 3)
          .generate(source));
    };
  }

  static Gen<LocalDate> dates() {
    return Generate.longRange(LocalDate.of(2000, 1, 1).toEpochDay(),
        LocalDate.of(2099, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
  }

  static Gen<String> times() {
    return Generate.range(0, 23).zip(Generate.range(0, 59),
        (hours, minutes) -> String.format("%02d%02d", hours, minutes));
  }

  /** Identifiers and references: no ',' or '/', sometimes blanks, at least {@code min} long. */
  static Gen<String> ids(int min) {
    return source -> {
      int length = Generate.range(min, 16).generate(source);
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < length; i++) {
        id.append(Generate.pick(chars(ID_CHARACTERS)).generate(source));
      }
      return id.toString();
    };
  }

  private static Gen<OptionalInt> optionalInts(int min, int max) {
    return Generate.range(min, max).map(OptionalInt::of)
        .mix(Generate.constant(OptionalInt.empty()), 30);
  }

  private static List<Character> chars(String characters) {
    return characters.chars().mapToObj(c -> (char) c).toList();
  }
}
