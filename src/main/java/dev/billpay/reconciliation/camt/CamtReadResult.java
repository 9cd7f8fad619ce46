package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankStatement;
import java.util.List;
import java.util.Objects;

/** What {@link CamtReader} made of a message: read whole, or rejected whole with every problem found. */
public sealed interface CamtReadResult {

  /**
   * A message whose every statement (camt.053 {@code Stmt}) or notification (camt.054 {@code Ntfctn}) was read
   * and checked.
   *
   * @param messageType {@code camt.053} or {@code camt.054}
   * @param version the message definition's variant and version, e.g. {@code 001.02}, {@code 001.08}
   * @param messageId {@code GrpHdr/MsgId}
   * @param statements one per {@code Stmt} or {@code Ntfctn}, in file order; only booked entries in them
   */
  record Read(String messageType, String version, String messageId, List<BankStatement> statements)
      implements CamtReadResult {
    public Read {
      Objects.requireNonNull(messageType, "messageType");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(messageId, "messageId");
      statements = List.copyOf(statements);
    }
  }

  /** Nothing of the message may be applied: {@code problems} lists every problem found, in file order. */
  record Rejected(List<CamtProblem> problems) implements CamtReadResult {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection has at least one problem");
      }
    }
  }
}
