package dev.billpay.reconciliation.camt;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Writes camt.053 messages for generated tests, in .02 or .08 shapes, pretty-printed or on one line. Deliberately
 * tiny and independent of the reader: it writes elements, it does not check anything.
 */
final class CamtTestWriter {
  /** One account's statement: the opening booked balance (signed) and its entries in order. */
  record Statement(String currency, long openingMinor, List<Entry> entries) {
    long closingMinor() {
      return openingMinor + entries.stream().filter(Entry::booked).mapToLong(Entry::signedMinor).sum();
    }
  }

  /**
   * One entry: {@code parts} are the amounts of its TxDtls (one part written without TxDtls, or with a TxDtls
   * without an amount, as {@code details} says).
   */
  record Entry(boolean credit, boolean booked, List<Long> parts, boolean details) {
    long amountMinor() {
      return parts.stream().mapToLong(Long::longValue).sum();
    }

    long signedMinor() {
      return credit ? amountMinor() : -amountMinor();
    }
  }

  private final StringBuilder out = new StringBuilder();
  private final String version;
  private final boolean oneLine;
  private final boolean trimZeros;

  CamtTestWriter(String version, boolean oneLine, boolean trimZeros) {
    this.version = version;
    this.oneLine = oneLine;
    this.trimZeros = trimZeros;
  }

  String write(List<Statement> statements) {
    line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    line("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001." + version + "\"><BkToCstmrStmt>");
    line("<GrpHdr><MsgId>GEN</MsgId><CreDtTm>2026-03-02T21:00:00</CreDtTm></GrpHdr>");
    for (int i = 0; i < statements.size(); i++) {
      statement(i + 1, statements.get(i));
    }
    line("</BkToCstmrStmt></Document>");
    return out.toString();
  }

  private void statement(int number, Statement s) {
    line("<Stmt><Id>GEN-" + number + "</Id>");
    line("<Acct><Id><Othr><Id>ACCT-" + number + "</Id></Othr></Id><Ccy>" + s.currency() + "</Ccy></Acct>");
    balance("OPBD", s.openingMinor(), s.currency());
    balance("CLBD", s.closingMinor(), s.currency());
    for (Entry e : s.entries()) {
      entry(e, s.currency());
    }
    line("</Stmt>");
  }

  private void balance(String type, long signed, String currency) {
    line("<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp>" + amount("Amt", Math.abs(signed), currency)
        + "<CdtDbtInd>" + (signed < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd><Dt><Dt>2026-03-02</Dt></Dt></Bal>");
  }

  private void entry(Entry e, String currency) {
    String status = e.booked() ? "BOOK" : "PDNG";
    line("<Ntry>" + amount("Amt", e.amountMinor(), currency) + "<CdtDbtInd>" + (e.credit() ? "CRDT" : "DBIT")
        + "</CdtDbtInd>" + (version.equals("02") ? "<Sts>" + status + "</Sts>" : "<Sts><Cd>" + status + "</Cd></Sts>")
        + "<ValDt><Dt>2026-03-02</Dt></ValDt>"
        + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>");
    if (e.details()) {
      line("<NtryDtls>");
      for (long part : e.parts()) {
        String amount = e.parts().size() == 1 ? "" : version.equals("02")
            ? "<AmtDtls><TxAmt>" + amount("Amt", part, currency) + "</TxAmt></AmtDtls>" : amount("Amt", part, currency);
        line("<TxDtls><Refs><EndToEndId>E2E</EndToEndId></Refs>" + amount + "</TxDtls>");
      }
      line("</NtryDtls>");
    }
    line("</Ntry>");
  }

  private String amount(String element, long minor, String currency) {
    BigDecimal value = BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits());
    String text = trimZeros && value.signum() != 0 ? value.stripTrailingZeros().toPlainString() : value.toPlainString();
    return "<" + element + " Ccy=\"" + currency + "\">" + text + "</" + element + ">";
  }

  private void line(String text) {
    out.append(text).append(oneLine ? "" : "\n");
  }
}
