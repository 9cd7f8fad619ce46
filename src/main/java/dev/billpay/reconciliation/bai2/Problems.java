package dev.billpay.reconciliation.bai2;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while reading; gives up once there are so many that more would not help. */
final class Problems {
  private final List<Bai2Problem> list = new ArrayList<>();
  private final int limit;

  Problems() {
    this(Bai2Reader.MAX_PROBLEMS);
  }

  private Problems(int limit) {
    this.limit = limit;
  }

  /** For trying a reading of one record: its problems are only kept if no better reading exists. */
  static Problems trial() {
    return new Problems(Integer.MAX_VALUE);
  }

  void addAll(Problems other) {
    for (Bai2Problem problem : other.list) {
      add(problem.line(), problem.field(), problem.message());
    }
  }

  void add(int line, String field, String message) {
    list.add(new Bai2Problem(line, field, message));
    if (list.size() >= limit) {
      list.add(new Bai2Problem(line, "record", "too many problems; stopped reading here"));
      throw new Bai2FormatException(list);
    }
  }

  int count() {
    return list.size();
  }

  boolean none() {
    return list.isEmpty();
  }

  List<Bai2Problem> list() {
    return list;
  }
}
