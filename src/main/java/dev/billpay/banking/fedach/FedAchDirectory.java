package dev.billpay.banking.fedach;

import java.util.List;

/**
 * A FedACH participant directory as read from one file: its format and its records in file order.
 * Every routing number appears once.
 */
public record FedAchDirectory(Format format, List<FedAchParticipant> participants) {
  /** The two forms the E-Payments Routing Directory is downloaded in. */
  public enum Format {
    /** FedACHdir.txt: one 155-character record a line. */
    FIXED_WIDTH("fedach_fixed_width"),
    /** The JSON download: {@code {"fedACHParticipants": {"fedACHParticipants": [...]}}}. */
    JSON("fedach_json");

    private final String wireName;

    Format(String wireName) {
      this.wireName = wireName;
    }

    /** As the admin API spells it. */
    public String wireName() {
      return wireName;
    }
  }

  public FedAchDirectory {
    participants = List.copyOf(participants);
  }
}
