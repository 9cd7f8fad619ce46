package dev.billpay.banking.fedach;

import java.io.IOException;
import java.util.List;

/**
 * A directory file that is not a FedACH participant directory, with every problem found (up to a
 * limit) and where: "line N" in the fixed-width file, "fedACHParticipants[N]" in the JSON. The
 * whole file is refused: half a directory would refuse the banks on the other half.
 */
public final class FedAchDirectoryException extends IOException {
  /** One thing wrong, at {@code location}. */
  public record Problem(String location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  FedAchDirectoryException(String source, List<Problem> problems) {
    super(summary(source, problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(String source, List<Problem> problems) {
    String first = source + ": " + problems.get(0);
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
  }
}
