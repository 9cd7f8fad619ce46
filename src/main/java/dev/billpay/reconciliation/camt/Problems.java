package dev.billpay.reconciliation.camt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The problems of one message; reading stops once more would not help anyone. */
final class Problems {
  private final List<CamtProblem> found = new ArrayList<>();

  void add(int line, String path, String message) {
    found.add(new CamtProblem(line, path, message));
    if (found.size() >= CamtReader.MAX_PROBLEMS) {
      found.add(new CamtProblem(line, path, "too many problems; stopped reading here"));
      throw new CamtRefusal();
    }
  }

  /** Adds the problem that ends reading. */
  void addLast(int line, String path, String message) {
    found.add(new CamtProblem(line, path, message));
  }

  int count() {
    return found.size();
  }

  boolean none() {
    return found.isEmpty();
  }

  /** In file order: a report's own checks run at its end but concern elements all through it. */
  List<CamtProblem> list() {
    return found.stream().sorted(Comparator.comparingInt(CamtProblem::line)).toList();
  }
}
