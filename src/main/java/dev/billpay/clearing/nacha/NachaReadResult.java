package dev.billpay.clearing.nacha;

import java.util.List;
import java.util.stream.Collectors;

/** What {@link NachaReader} made of a file: the whole file, or the reasons it was rejected. */
public sealed interface NachaReadResult {
  /** The file passed every check. */
  record Accepted(NachaFile file) implements NachaReadResult {
    @Override
    public List<NachaProblem> problems() {
      return List.of();
    }
  }

  /** The file is rejected whole; {@code problems} is never empty and ordered by line. */
  record Rejected(List<NachaProblem> problems) implements NachaReadResult {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }

  /** Empty when accepted. */
  List<NachaProblem> problems();

  default boolean isAccepted() {
    return this instanceof Accepted;
  }

  /** The file, or an {@link IllegalStateException} listing the first problems. */
  default NachaFile orElseThrow() {
    if (this instanceof Accepted accepted) {
      return accepted.file();
    }
    throw new IllegalStateException("NACHA file rejected: " + problems().stream().limit(5)
        .map(NachaProblem::toString).collect(Collectors.joining("; ")));
  }
}
