package dev.billpay.reconciliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One transaction a bank reported, whatever carried it: a BAI2 16 record, a camt.053/camt.054 entry
 * (or one {@code TxDtls} of a batch entry), or a signed bank notification. The matching engine sees
 * only this, so every source is reconciled by the same rules.
 *
 * @param locator where a person finds it: "line 14" for BAI2, the element path for camt
 *     ({@code Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/NtryDtls/TxDtls[1]}), the notification id
 * @param line physical line where it starts (1 for a notification); exceptions and matches keep it
 * @param flow money into our account (credit), out of it (debit), or none
 * @param family what the bank says it is, for choosing which of our records it can settle
 * @param amountMinor unsigned, in minor units of {@code currency}
 * @param bankReference the bank's own reference (BAI2 bank reference, camt {@code AcctSvcrRef}); "" when none
 * @param endToEndReference the originator's reference (BAI2 customer reference, camt {@code EndToEndId});
 *     "" when none or {@code NOTPROVIDED}
 * @param remittance unstructured remittance information or free text; "" when none
 * @param structuredReferences structured remittance references (camt {@code CdtrRefInf/Ref}), in order
 * @param counterpartyName the payer of a credit or the payee of a debit; "" when not reported
 * @param counterpartyAccount their account (IBAN or other id); "" when not reported
 * @param reversal the bank reverses an earlier entry (camt {@code RvslInd}); {@code flow} is as booked
 * @param bankCode the source's own code for display: a BAI2 type code, a camt
 *     {@code Domn/Fmly/SubFmly} such as {@code PMNT/RCDT/ESCT}, or a proprietary code
 */
public record BankTransaction(
    String locator,
    int line,
    Flow flow,
    Family family,
    long amountMinor,
    String currency,
    LocalDate valueDate,
    String bankReference,
    String endToEndReference,
    String remittance,
    List<String> structuredReferences,
    String counterpartyName,
    String counterpartyAccount,
    boolean reversal,
    String bankCode) {

  /** Which way the money moved on our account. */
  public enum Flow {
    CREDIT,
    DEBIT,
    /** Moves no money: status or information lines. */
    NONE
  }

  /** What kind of bank transaction it is. */
  public enum Family {
    /** The bank's offset for a clearing file we originated (credit for debits, debit for credits). */
    ACH_SETTLEMENT,
    /** Returned or adjusted ACH entries settling against our account. */
    ACH_RETURN,
    /** A transfer in or out: wire, book transfer, credit transfer, RTP. */
    TRANSFER,
    /** Bank fees and charges. */
    FEE,
    /** Anything else that moves money (checks, lockbox, interest, sweeps). */
    OTHER
  }

  public BankTransaction {
    Objects.requireNonNull(locator, "locator");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(valueDate, "valueDate");
    Objects.requireNonNull(bankReference, "bankReference");
    Objects.requireNonNull(endToEndReference, "endToEndReference");
    Objects.requireNonNull(remittance, "remittance");
    structuredReferences = List.copyOf(structuredReferences);
    Objects.requireNonNull(counterpartyName, "counterpartyName");
    Objects.requireNonNull(counterpartyAccount, "counterpartyAccount");
    Objects.requireNonNull(bankCode, "bankCode");
    if (amountMinor < 0) {
      throw new IllegalArgumentException("transaction amounts are unsigned");
    }
  }

  public boolean credit() {
    return flow == Flow.CREDIT;
  }

  public boolean debit() {
    return flow == Flow.DEBIT;
  }
}
