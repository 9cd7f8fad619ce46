package dev.billpay.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A camt.053.001.08 statement of one USD account, as a bank would send it, for tests that import one. */
final class CamtStatementText {
  /** One booked entry: {@code credit} or a debit, with its structured reference and debtor when given. */
  record Entry(long amountMinor, boolean credit, String family, String reference, String counterparty) {}

  private CamtStatementText() {}

  static String of(String statementId, LocalDate day, long openingMinor, List<Entry> entries) {
    long closing = openingMinor;
    for (Entry e : entries) {
      closing += e.credit() ? e.amountMinor() : -e.amountMinor();
    }
    StringBuilder ntries = new StringBuilder();
    int n = 0;
    for (Entry e : entries) {
      n++;
      ntries.append(entry(statementId + "-" + n, day, e));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT18:00:00Z</CreDtTm></GrpHdr>
            <Stmt>
              <Id>%1$s</Id>
              <CreDtTm>%2$sT18:00:00Z</CreDtTm>
              <Acct><Id><Othr><Id>000123456789</Id></Othr></Id><Ccy>USD</Ccy></Acct>
              %3$s
              %4$s
        %5$s    </Stmt>
          </BkToCstmrStmt>
        </Document>
        """.formatted(statementId, day, balance("OPBD", openingMinor, day), balance("CLBD", closing, day), ntries);
  }

  private static String balance(String type, long minor, LocalDate day) {
    return "<Bal><Tp><CdOrPrtry><Cd>" + type + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"USD\">" + decimal(Math.abs(minor))
        + "</Amt><CdtDbtInd>" + (minor < 0 ? "DBIT" : "CRDT") + "</CdtDbtInd><Dt><Dt>" + day + "</Dt></Dt></Bal>";
  }

  private static String entry(String ref, LocalDate day, Entry e) {
    String party = e.counterparty() == null ? "" : "<RltdPties><" + (e.credit() ? "Dbtr" : "Cdtr") + "><Pty><Nm>"
        + e.counterparty() + "</Nm></Pty></" + (e.credit() ? "Dbtr" : "Cdtr") + "></RltdPties>";
    String remittance = e.reference() == null ? ""
        : "<RmtInf><Strd><CdtrRefInf><Ref>" + e.reference() + "</Ref></CdtrRefInf></Strd></RmtInf>";
    String[] code = e.family().split("/");
    return """
              <Ntry>
                <Amt Ccy="USD">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>%s</Dt></BookgDt><ValDt><Dt>%s</Dt></ValDt>
                <AcctSvcrRef>%s</AcctSvcrRef>
                <BkTxCd><Domn><Cd>%s</Cd><Fmly><Cd>%s</Cd><SubFmlyCd>%s</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>%s%s</TxDtls></NtryDtls>
              </Ntry>
        """.formatted(decimal(e.amountMinor()), e.credit() ? "CRDT" : "DBIT", day, day, ref, code[0], code[1],
        code[2], party, remittance);
  }

  private static String decimal(long minor) {
    return BigDecimal.valueOf(minor, 2).toPlainString();
  }
}
