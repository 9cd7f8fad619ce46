package dev.billpay.clearing.nacha;

import java.util.Optional;

/**
 * The Corrected Data field of a notification of change (positions 36-64 of the 98 addenda, 29
 * characters), read as its change code lays it out (NACHA Appendix Five):
 * <ul>
 *   <li>C01: the account number, left justified in the first 17 positions;
 *   <li>C02: the routing number with its check digit in the first 9;
 *   <li>C03: the routing number in 1-9, spaces in 10-12, the account number in 13-29;
 *   <li>C05: the transaction code in the first 2;
 *   <li>C06: the account number in 1-17, spaces in 18-20, the transaction code in 21-22;
 *   <li>C07: the routing number in 1-9, the account number in 10-26, the transaction code in 27-28.
 * </ul>
 * Only these change the receiver's bank account; the others (names, ids, addenda format) are not
 * read here. A field is null when the code does not correct it.
 */
public record CorrectedData(String changeCode, String routingNumber, String accountNumber,
    TransactionCode transactionCode) {
  /** The data of a C01-C07 notification (but C04, a name), or empty when it is not laid out as its code says. */
  public static Optional<CorrectedData> parse(String changeCode, String field) {
    String data = String.format("%-29s", field == null ? "" : field);
    try {
      return Optional.ofNullable(switch (changeCode) {
        case "C01" -> new CorrectedData(changeCode, null, account(data, 0, 17), null);
        case "C02" -> new CorrectedData(changeCode, routing(data, 0), null, null);
        case "C03" -> blank(data, 9, 12) ? new CorrectedData(changeCode, routing(data, 0), account(data, 12, 29), null)
            : null;
        case "C05" -> new CorrectedData(changeCode, null, null, code(data, 0));
        case "C06" -> blank(data, 17, 20) ? new CorrectedData(changeCode, null, account(data, 0, 17), code(data, 20))
            : null;
        case "C07" -> new CorrectedData(changeCode, routing(data, 0), account(data, 9, 26), code(data, 26));
        default -> null;
      });
    } catch (NachaFormatException e) {
      return Optional.empty();
    }
  }

  private static String routing(String data, int from) {
    String routing = data.substring(from, from + 9);
    if (!routing.chars().allMatch(Character::isDigit) || !RoutingCheckDigit.isValid(routing)) {
      throw new NachaFormatException("correctedData", "is not a routing number with a valid check digit");
    }
    return routing;
  }

  private static String account(String data, int from, int to) {
    String account = data.substring(from, to).trim();
    if (account.isEmpty() || account.contains(" ")) {
      throw new NachaFormatException("correctedData", "has no account number where its change code puts one");
    }
    return account;
  }

  private static TransactionCode code(String data, int from) {
    return TransactionCode.parse(data.substring(from, from + 2)).orElseThrow(() ->
        new NachaFormatException("correctedData", "has no transaction code where its change code puts one"));
  }

  private static boolean blank(String data, int from, int to) {
    return data.substring(from, to).isBlank();
  }
}
