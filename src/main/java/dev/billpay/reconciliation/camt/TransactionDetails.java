package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Flow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A booked entry as the transactions it settles: one per {@code TxDtls} (across all its {@code NtryDtls}), or the
 * entry itself when it has none. A batch entry's parts each carry their own amount ({@code TxDtls/Amt} in .08, {@code
 * TxDtls/AmtDtls/TxAmt/Amt} in .02 and later) and must add up to the entry's amount, signed by their own
 * {@code CdtDbtInd} where they have one; a single {@code TxDtls} without an amount is the whole entry.
 */
final class TransactionDetails {
  private static final String NOT_PROVIDED = "NOTPROVIDED";

  private TransactionDetails() {}

  static List<BankTransaction> split(Entry entry, Problems problems) {
    List<XmlNode> details = entry.node().all("NtryDtls").stream().flatMap(d -> d.all("TxDtls").stream()).toList();
    if (details.isEmpty()) {
      return List.of(whole(entry));
    }
    if (details.size() == 1 && amountOf(details.get(0)).isEmpty()) {
      return List.of(part(details.get(0), entry, entry.amountMinor(), entry.flow()));
    }
    List<BankTransaction> parts = new ArrayList<>();
    long sum = 0;
    for (XmlNode detail : details) {
      BankTransaction part = readPart(detail, entry, details.size(), problems);
      if (part == null) {
        return List.of();
      }
      sum += part.flow() == Flow.CREDIT ? part.amountMinor() : -part.amountMinor();
      parts.add(part);
    }
    if (sum != entry.signedMinor()) {
      XmlNode first = entry.node().child("NtryDtls").orElseThrow();
      problems.add(first.line(), first.path(), "the " + details.size() + " TxDtls add up to "
          + Amounts.format(sum, entry.currency()) + " " + entry.currency() + " but the entry's Amt is "
          + Amounts.format(entry.signedMinor(), entry.currency()) + " " + entry.currency()
          + (sum < 0 || entry.signedMinor() < 0 ? " (debits negative)" : ""));
      return List.of();
    }
    return parts;
  }

  private static BankTransaction readPart(XmlNode detail, Entry entry, int count, Problems problems) {
    Optional<XmlNode> amount = amountOf(detail);
    if (amount.isEmpty()) {
      problems.add(detail.line(), detail.pathOf("Amt"), "is missing: each of an entry's " + count
          + " TxDtls needs its own amount (Amt or AmtDtls/TxAmt/Amt)");
      return null;
    }
    Long minor = Amounts.minor(amount.get(), problems);
    if (minor == null) {
      return null;
    }
    String currency = amount.get().attribute("Ccy");
    if (!currency.equals(entry.currency())) {
      problems.add(amount.get().line(), amount.get().path(), "is in " + currency + " but its entry is in "
          + entry.currency());
      return null;
    }
    int before = problems.count();
    Flow flow = EntryReader.indicator(detail, problems, false);
    if (problems.count() > before) {
      return null;
    }
    return part(detail, entry, minor, flow == null ? entry.flow() : flow);
  }

  private static Optional<XmlNode> amountOf(XmlNode detail) {
    return detail.child("Amt").or(() -> detail.at("AmtDtls", "TxAmt", "Amt"));
  }

  private static BankTransaction whole(Entry entry) {
    XmlNode ntry = entry.node();
    return new BankTransaction(ntry.path(), ntry.line(), entry.flow(), CamtTransactionCodes.family(entry.bankCode()),
        entry.amountMinor(), entry.currency(), entry.valueDate(), entry.bankReference(), "",
        ntry.text("AddtlNtryInf"), List.of(), "", "", entry.reversal(), entry.bankCode());
  }

  private static BankTransaction part(XmlNode detail, Entry entry, long amountMinor, Flow flow) {
    String code = CamtTransactionCodes.code(detail.child("BkTxCd"));
    if (code.isEmpty()) {
      code = entry.bankCode();
    }
    String endToEnd = detail.text("Refs", "EndToEndId");
    String bankReference = detail.text("Refs", "AcctSvcrRef");
    // a reversal's parties are those of the transaction it reverses: a credit reversed is booked as a debit, and
    // the party to show is still the one who paid
    String role = (flow == Flow.CREDIT) != entry.reversal() ? "Dbtr" : "Cdtr";
    return new BankTransaction(detail.path(), detail.line(), flow, CamtTransactionCodes.family(code), amountMinor,
        entry.currency(), entry.valueDate(), bankReference.isEmpty() ? entry.bankReference() : bankReference,
        endToEnd.equals(NOT_PROVIDED) ? "" : endToEnd, remittance(detail), structured(detail),
        partyName(detail, role), partyAccount(detail, role + "Acct"), entry.reversal(), code);
  }

  /** Every {@code RmtInf/Ustrd}, joined by a space; else the bank's free text {@code AddtlTxInf}. */
  private static String remittance(XmlNode detail) {
    List<String> lines = detail.child("RmtInf").map(r -> r.all("Ustrd")).orElse(List.of()).stream()
        .map(XmlNode::text).filter(t -> !t.isEmpty()).toList();
    return lines.isEmpty() ? detail.text("AddtlTxInf") : String.join(" ", lines);
  }

  /** Every {@code RmtInf/Strd/CdtrRefInf/Ref}, in order. */
  private static List<String> structured(XmlNode detail) {
    return detail.child("RmtInf").map(r -> r.all("Strd")).orElse(List.of()).stream()
        .map(s -> s.text("CdtrRefInf", "Ref")).filter(r -> !r.isEmpty()).toList();
  }

  /** {@code Dbtr/Nm} in .02 (a party), {@code Dbtr/Pty/Nm} in .08 (a choice of a party or an agent). */
  private static String partyName(XmlNode detail, String role) {
    Optional<XmlNode> party = detail.at("RltdPties", role);
    return party.map(p -> first(p.text("Nm"), p.text("Pty", "Nm"), p.text("Agt", "FinInstnId", "Nm"))).orElse("");
  }

  private static String partyAccount(XmlNode detail, String role) {
    Optional<XmlNode> id = detail.at("RltdPties", role, "Id");
    return id.map(i -> first(i.text("IBAN"), i.text("Othr", "Id"))).orElse("");
  }

  private static String first(String... texts) {
    for (String text : texts) {
      if (!text.isEmpty()) {
        return text;
      }
    }
    return "";
  }
}
