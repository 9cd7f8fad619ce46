package dev.billpay.reconciliation.bai2;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The 01 file header (the version number is always 2).
 *
 * @param creationTime HHMM
 * @param physicalRecordLength the longest a physical record may be; empty for variable length
 * @param blockSize physical records per block; empty for variable
 */
public record FileHeader(
    String sender,
    String receiver,
    LocalDate creationDate,
    String creationTime,
    String fileId,
    OptionalInt physicalRecordLength,
    OptionalInt blockSize) {
  public static final int VERSION = 2;

  public FileHeader {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(creationDate, "creationDate");
    Objects.requireNonNull(creationTime, "creationTime");
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(physicalRecordLength, "physicalRecordLength");
    Objects.requireNonNull(blockSize, "blockSize");
  }
}
