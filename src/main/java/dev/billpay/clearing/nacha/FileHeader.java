package dev.billpay.clearing.nacha;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The file header record (type 1).
 *
 * @param immediateDestination the 10-character field as written: a space and the 9-digit routing
 *     number of the receiving point (" 091000019"), the only form NACHA's layout (bTTTTAAAAC) has
 * @param immediateOrigin the 10-character field as written: a space and 9 digits, or 10 digits
 *     (often "1" plus an EIN), which the ODFI and its originator may agree on
 * @param creationDate file creation date (YYMMDD, read as 20YY)
 * @param creationTime file creation time (HHMM); {@code null} when a received file leaves it
 *     blank, which NACHA allows
 * @param fileIdModifier A-Z or 0-9, unique per creation date and destination (the caller's duty)
 * @param destinationName immediate destination name, up to 23 characters after sanitizing
 * @param originName immediate origin name, up to 23 characters
 * @param referenceCode up to 8 characters for the originator's own use, may be empty
 */
public record FileHeader(
    String immediateDestination,
    String immediateOrigin,
    LocalDate creationDate,
    LocalTime creationTime,
    char fileIdModifier,
    String destinationName,
    String originName,
    String referenceCode) {
  private static final Pattern DESTINATION_FIELD = Pattern.compile(" \\d{9}");
  private static final Pattern ORIGIN_FIELD = Pattern.compile(" \\d{9}|\\d{10}");

  public FileHeader {
    Objects.requireNonNull(immediateDestination, "immediateDestination");
    if (!isDestinationField(immediateDestination)) {
      throw new NachaFormatException("file.immediateDestination", DESTINATION_RULE);
    }
    Objects.requireNonNull(immediateOrigin, "immediateOrigin");
    if (!isOriginField(immediateOrigin)) {
      throw new NachaFormatException("file.immediateOrigin", ORIGIN_RULE);
    }
    Objects.requireNonNull(creationDate, "creationDate");
    if (creationTime != null) {
      creationTime = creationTime.withSecond(0).withNano(0);
    }
    if (!isFileIdModifier(fileIdModifier)) {
      throw new NachaFormatException("file.fileIdModifier", "must be A-Z or 0-9");
    }
    Objects.requireNonNull(destinationName, "destinationName");
    Objects.requireNonNull(originName, "originName");
    Objects.requireNonNull(referenceCode, "referenceCode");
  }

  /** The immediate destination or origin field for a 9-digit routing number: a space first. */
  public static String routingField(String nineDigitRoutingNumber) {
    return " " + Check.digits(nineDigitRoutingNumber, 9, "routingNumber");
  }

  static boolean isFileIdModifier(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  static final String DESTINATION_RULE = "must be a space and the 9-digit routing number";
  static final String ORIGIN_RULE = "must be a space and 9 digits, or 10 digits";

  static boolean isDestinationField(String value) {
    return DESTINATION_FIELD.matcher(value).matches();
  }

  static boolean isOriginField(String value) {
    return ORIGIN_FIELD.matcher(value).matches();
  }
}
