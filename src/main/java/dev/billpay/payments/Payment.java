package dev.billpay.payments;

import dev.billpay.shared.Money;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;

/** A payment as stored; {@link #toJson()} is the resource as the API shows it. */
public record Payment(
    String id,
    String clientId,
    String fundingAccountId,
    String payeeId,
    Money amount,
    String reference,
    PaymentStatus status,
    LocalDate scheduledFor,
    int version,
    Instant createdAt,
    Instant updatedAt,
    Execution execution) {

  /**
   * How the payment is carried out: the plan it comes from, standard or same-day ACH, the ACH
   * effective date (a banking day), when it becomes due, and what the bank made of it (trace number,
   * clearing file, return, and a dispute of that return between the banks, if any). A reinitiation of a
   * returned debit names the first attempt in {@code retryOf}; {@code attempt} is 1 for every payment
   * that is not one.
   */
  public record Execution(String planId, PaymentSpeed speed, LocalDate effectiveDate, Instant dueAt,
      String traceNumber, String clearingFileId, String returnCode, String returnReason,
      ReturnDispute returnDispute, String retryOf, int attempt) {
    public static Execution of(String planId, LocalDate effectiveDate, Instant dueAt) {
      return of(planId, PaymentSpeed.STANDARD, effectiveDate, dueAt);
    }

    public static Execution of(String planId, PaymentSpeed speed, LocalDate effectiveDate, Instant dueAt) {
      return new Execution(planId, speed, effectiveDate, dueAt, null, null, null, null, null, null, 1);
    }

    /** The reinitiation number {@code attempt} of {@code retryOf}, due at {@code dueAt} for {@code effectiveDate}. */
    public static Execution retry(String retryOf, int attempt, LocalDate effectiveDate, Instant dueAt) {
      return new Execution(null, PaymentSpeed.STANDARD, effectiveDate, dueAt, null, null, null, null, null, retryOf,
          attempt);
    }
  }

  /**
   * The latest dishonored return (R61-R69: our bank refuses the receiving bank's return) or
   * contested dishonored return (R70-R77: the receiving bank contests that refusal) received for the
   * payment. It leaves the status alone: whether the return stands is settled between the banks.
   */
  public record ReturnDispute(Kind kind, String code, String reason, Instant recordedAt) {
    public enum Kind {
      DISHONORED("dishonored"),
      CONTESTED("contested");

      private final String wire;

      Kind(String wire) {
        this.wire = wire;
      }

      public String wire() {
        return wire;
      }

      static Kind fromWire(String wire) {
        for (Kind kind : values()) {
          if (kind.wire.equals(wire)) {
            return kind;
          }
        }
        throw new IllegalArgumentException("unknown return dispute kind: " + wire);
      }
    }

    JsonObject toJson() {
      return new JsonObject().put("kind", kind.wire()).put("code", code).put("reason", reason)
          .put("recorded_at", recordedAt.toString());
    }
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("object", "payment")
        .put("status", status.wire())
        .put("amount", amount.minor())
        .put("currency", amount.currencyCode())
        .put("funding_account_id", fundingAccountId)
        .put("payee_id", payeeId)
        .put("reference", reference)
        .put("scheduled_for", scheduledFor == null ? null : scheduledFor.toString())
        .put("plan_id", execution.planId())
        .put("speed", execution.speed().wire())
        .put("effective_date", execution.effectiveDate() == null ? null : execution.effectiveDate().toString())
        .put("trace_number", execution.traceNumber())
        .put("clearing_file_id", execution.clearingFileId())
        .put("return_code", execution.returnCode())
        .put("return_reason", execution.returnReason())
        .put("return_dispute", execution.returnDispute() == null ? null : execution.returnDispute().toJson())
        .put("retry_of", execution.retryOf())
        .put("attempt", execution.attempt())
        .put("created_at", createdAt.toString())
        .put("updated_at", updatedAt.toString());
  }
}
