package dev.billpay.banking.fedach;

import dev.billpay.banking.fedach.FedAchDirectoryException.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What both readers do with a record's raw fields: check, build, refuse a repeated number, keep problems. */
final class RecordCollector {
  /** Enough to see what is wrong with a file; a file of the wrong kind would otherwise list every line. */
  static final int MAX_PROBLEMS = 50;

  private final List<FedAchParticipant> participants = new ArrayList<>();
  private final Map<String, String> firstLocation = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();

  void problem(String location, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(location, message));
    }
  }

  void record(String location, Map<FedAchField, String> raw, Function<FedAchField, String> label) {
    FedAchParticipant.of(raw, label, message -> problem(location, message)).ifPresent(participant -> {
      String first = firstLocation.putIfAbsent(participant.routingNumber(), location);
      if (first != null) {
        problem(location, "routing number " + participant.routingNumber() + " is listed again (first at " + first + ")");
      } else {
        participants.add(participant);
      }
    });
  }

  FedAchDirectory finish(String source, FedAchDirectory.Format format) throws FedAchDirectoryException {
    if (problems.isEmpty() && participants.isEmpty()) {
      // an empty download would refuse every bank: it is a failed download, not an empty network
      problem("file", "has no participant records");
    }
    if (!problems.isEmpty()) {
      throw new FedAchDirectoryException(source, problems);
    }
    return new FedAchDirectory(format, participants);
  }
}
