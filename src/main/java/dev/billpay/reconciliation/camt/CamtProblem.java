package dev.billpay.reconciliation.camt;

import java.util.Objects;

/**
 * One thing wrong with a camt message.
 *
 * @param line 1-based line of the file where the element concerned starts (for a missing element, its
 *     parent's line)
 * @param path the element's path with 1-based indexes, e.g. {@code Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt}
 * @param message what is wrong with that element; never repeats an account number
 */
public record CamtProblem(int line, String path, String message) {
  public CamtProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "line " + line + ", " + path + ": " + message;
  }
}
