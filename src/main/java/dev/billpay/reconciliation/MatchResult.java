package dev.billpay.reconciliation;

import java.util.Objects;

/** What became of one statement transaction; {@code txLine} is the line of its 16 record. */
public sealed interface MatchResult {
  int txLine();

  /** An ACH settlement credit settled this clearing file. */
  record FileSettled(int txLine, String clearingFileId) implements MatchResult {
    public FileSettled {
      Objects.requireNonNull(clearingFileId, "clearingFileId");
    }
  }

  /** An incoming credit paid this expected payment. */
  record PaymentMatched(int txLine, String paymentId, How how) implements MatchResult {
    public PaymentMatched {
      Objects.requireNonNull(paymentId, "paymentId");
      Objects.requireNonNull(how, "how");
    }
  }

  /** A line that needs a person: it becomes a reconciliation exception with this reason. */
  record Unmatched(int txLine, Reason reason, String detail) implements MatchResult {
    public Unmatched {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** How a payment was found. */
  enum How {
    REFERENCE("reference"),
    AMOUNT_DATE("amount_date");

    private final String code;

    How(String code) {
      this.code = code;
    }

    /** The stable code stored and shown in the API. */
    public String code() {
      return code;
    }
  }

  /** Why a line was not matched; the codes are stable, stored and shown in the API. */
  enum Reason {
    NO_MATCHING_CLEARING_FILE("no_matching_clearing_file"),
    AMBIGUOUS_CLEARING_FILE("ambiguous_clearing_file"),
    UNMATCHED_CREDIT("unmatched_credit"),
    AMBIGUOUS_PAYMENT("ambiguous_payment"),
    AMOUNT_MISMATCH("amount_mismatch"),
    DUPLICATE_MATCH("duplicate_match"),
    UNEXPECTED_DEBIT("unexpected_debit"),
    UNCLASSIFIED_TRANSACTION("unclassified_transaction");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
