package dev.billpay.reconciliation.camt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.reconciliation.BankStatement;
import dev.billpay.reconciliation.BankTransaction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small camt messages for the tests, written around the entries a test is about. */
final class CamtMessages {
  static final String NS = "urn:iso:std:iso:20022:tech:xsd:";

  private CamtMessages() {}

  /** A camt.053 of that version with one USD statement holding {@code body} (balances, entries) after its account. */
  static String statement(String version, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="%scamt.053.001.%s">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-02T21:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>STMT-1</Id>
              <Acct><Id><Othr><Id>000123456789</Id></Othr></Id><Ccy>USD</Ccy></Acct>
        %s
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """.formatted(NS, version, body);
  }

  /** A booked .08 entry without details. */
  static String entry(String amount, String currency, String indicator) {
    return """
              <Ntry><Amt Ccy="%s">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <ValDt><Dt>2026-03-02</Dt></ValDt>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd></Ntry>
        """.formatted(currency, amount, indicator);
  }

  static CamtReadResult read(String xml) {
    return CamtReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static CamtReadResult.Read readOk(String xml) {
    CamtReadResult result = read(xml);
    assertThat(result).as(result.toString()).isInstanceOf(CamtReadResult.Read.class);
    return (CamtReadResult.Read) result;
  }

  static List<CamtProblem> problems(String xml) {
    CamtReadResult result = read(xml);
    assertThat(result).as(result.toString()).isInstanceOf(CamtReadResult.Rejected.class);
    return ((CamtReadResult.Rejected) result).problems();
  }

  static BankStatement onlyStatement(String xml) {
    List<BankStatement> statements = readOk(xml).statements();
    assertThat(statements).hasSize(1);
    return statements.get(0);
  }

  static List<BankTransaction> transactions(String xml) {
    return onlyStatement(xml).transactions();
  }
}
