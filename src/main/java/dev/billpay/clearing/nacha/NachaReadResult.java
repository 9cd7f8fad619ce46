package dev.billpay.clearing.nacha;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link NachaReader} made of a file: the file without the batches and entries it set aside,
 * or, when a problem rejects the whole file, the reasons.
 */
public sealed interface NachaReadResult {
  /**
   * The file passed the file-level checks. {@code file} holds the batches and entries that passed
   * theirs; {@code entryLines} is the line of each of its entries, in {@link NachaFile#entries()}
   * order; what was set aside is listed with its lines.
   */
  record Accepted(NachaFile file, List<Integer> entryLines, List<SetAsideBatch> setAsideBatches,
      List<SetAsideEntry> setAsideEntries) implements NachaReadResult {
    public Accepted {
      entryLines = List.copyOf(entryLines);
      setAsideBatches = List.copyOf(setAsideBatches);
      setAsideEntries = List.copyOf(setAsideEntries);
    }

    /** The problems of what was set aside, by line; empty when nothing was. */
    @Override
    public List<NachaProblem> problems() {
      List<NachaProblem> all = new ArrayList<>();
      setAsideBatches.forEach(b -> all.addAll(b.problems()));
      setAsideEntries.forEach(e -> all.addAll(e.problems()));
      all.sort(Comparator.comparingInt(NachaProblem::line));
      return all;
    }
  }

  /** The file is rejected whole; {@code problems} is never empty and ordered by line. */
  record Rejected(List<NachaProblem> problems) implements NachaReadResult {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }

  /** Every problem found; empty when the file is clean. */
  List<NachaProblem> problems();

  /** Not rejected at file level: some batches or entries may still have been set aside. */
  default boolean isAccepted() {
    return this instanceof Accepted;
  }

  /** Accepted with nothing set aside. */
  default boolean isClean() {
    return isAccepted() && problems().isEmpty();
  }

  /**
   * The file, or an {@link IllegalStateException} listing the first problems when anything was
   * rejected or set aside (for callers that need the file whole, e.g. to return its entries).
   */
  default NachaFile orElseThrow() {
    if (this instanceof Accepted accepted && isClean()) {
      return accepted.file();
    }
    throw new IllegalStateException("NACHA file rejected: " + problems().stream().limit(5)
        .map(NachaProblem::toString).collect(Collectors.joining("; ")));
  }
}
