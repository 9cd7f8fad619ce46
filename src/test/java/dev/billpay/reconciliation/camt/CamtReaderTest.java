package dev.billpay.reconciliation.camt;

import static dev.billpay.reconciliation.camt.CamtMessages.entry;
import static dev.billpay.reconciliation.camt.CamtMessages.onlyStatement;
import static dev.billpay.reconciliation.camt.CamtMessages.problems;
import static dev.billpay.reconciliation.camt.CamtMessages.readOk;
import static dev.billpay.reconciliation.camt.CamtMessages.statement;
import static dev.billpay.reconciliation.camt.CamtMessages.transactions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.reconciliation.BankStatement;
import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Family;
import dev.billpay.reconciliation.BankTransaction.Flow;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("camt reader")
class CamtReaderTest {
  /** The same incoming payment as .08 writes it ... */
  private static final String PAYMENT_08 = """
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
              <Dt><Dt>2026-03-02</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">1350.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
              <Dt><Dt>2026-03-03</Dt></Dt></Bal>
            <Ntry>
              <Amt Ccy="USD">1250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
              <BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-03</Dt></ValDt>
              <AcctSvcrRef>BANK-REF-1</AcctSvcrRef>
              <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
              <NtryDtls>
                <TxDtls>
                  <Refs><EndToEndId>E2E-42</EndToEndId></Refs>
                  <Amt Ccy="USD">1250.00</Amt>
                  <RltdPties>
                    <Dbtr><Pty><Nm>Acme Supplies Inc</Nm></Pty></Dbtr>
                    <DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct>
                  </RltdPties>
                  <RmtInf><Ustrd>Invoice</Ustrd><Ustrd>INV-2026-0042</Ustrd>
                    <Strd><CdtrRefInf><Ref>INV-2026-0042</Ref></CdtrRefInf></Strd></RmtInf>
                </TxDtls>
              </NtryDtls>
            </Ntry>""";
  /** ... and as .02 writes it: status as text, the amount in AmtDtls, the debtor's name without Pty. */
  private static final String PAYMENT_02 = PAYMENT_08.replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts>BOOK</Sts>")
      .replace("<Amt Ccy=\"USD\">1250.00</Amt>\n", "<AmtDtls><TxAmt><Amt Ccy=\"USD\">1250.00</Amt></TxAmt></AmtDtls>\n")
      .replace("<Pty><Nm>Acme Supplies Inc</Nm></Pty>", "<Nm>Acme Supplies Inc</Nm>");

  @Test
  @DisplayName("a .08 statement reads field by field: account, balances, date and every field of the transaction")
  void version08FieldByField() {
    CamtReadResult.Read read = readOk(statement("08", PAYMENT_08));
    assertThat(read.messageType()).isEqualTo("camt.053");
    assertThat(read.version()).isEqualTo("001.08");
    assertThat(read.messageId()).isEqualTo("MSG-1");
    BankStatement s = read.statements().get(0);
    assertThat(s.format()).isEqualTo("camt.053.001.08");
    assertThat(s.statementId()).isEqualTo("STMT-1");
    assertThat(s.accountId()).isEqualTo("000123456789");
    assertThat(s.currency()).isEqualTo("USD");
    assertThat(s.openingBookedMinor()).isEqualTo(10_000L);
    assertThat(s.closingBookedMinor()).isEqualTo(135_000L);
    assertThat(s.date()).as("the CLBD date").isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(s.transactions()).containsExactly(new BankTransaction(
        "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]", 18, Flow.CREDIT, Family.TRANSFER, 125_000L,
        "USD", LocalDate.of(2026, 3, 3), "BANK-REF-1", "E2E-42", "Invoice INV-2026-0042", List.of("INV-2026-0042"),
        "Acme Supplies Inc", "DE89370400440532013000", false, "PMNT/RCDT/ESCT"));
  }

  @Test
  @DisplayName("the same payment in .02 shapes (Sts text, AmtDtls/TxAmt, Dbtr/Nm) reads to the same transaction")
  void version02ReadsTheSame() {
    BankStatement s02 = onlyStatement(statement("02", PAYMENT_02));
    BankStatement s08 = onlyStatement(statement("08", PAYMENT_08));
    assertThat(PAYMENT_02).contains("<Sts>BOOK</Sts>", "<TxAmt>", "<Dbtr><Nm>");
    assertThat(s02.format()).isEqualTo("camt.053.001.02");
    assertThat(s02.transactions()).isEqualTo(s08.transactions());
    assertThat(s02.openingBookedMinor()).isEqualTo(s08.openingBookedMinor());
    assertThat(s02.closingBookedMinor()).isEqualTo(s08.closingBookedMinor());
  }

  @Test
  @DisplayName("a batch entry becomes one transaction per TxDtls, each with its own amount, locator and line")
  void batchSplit() {
    List<BankTransaction> split = transactions(statement("08", """
            <Ntry><Amt Ccy="USD">60.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
              <ValDt><Dt>2026-03-02</Dt></ValDt><AcctSvcrRef>BATCH-1</AcctSvcrRef>
              <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ATXN</SubFmlyCd></Fmly></Domn></BkTxCd>
              <NtryDtls>
                <TxDtls><Refs><EndToEndId>A</EndToEndId></Refs><Amt Ccy="USD">10.00</Amt></TxDtls>
                <TxDtls><Refs><EndToEndId>B</EndToEndId><AcctSvcrRef>BATCH-1-B</AcctSvcrRef></Refs>
                  <Amt Ccy="USD">20.00</Amt></TxDtls>
              </NtryDtls>
              <NtryDtls>
                <TxDtls><Refs><EndToEndId>C</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="USD">30.00</Amt></TxAmt></AmtDtls>
                </TxDtls>
              </NtryDtls>
            </Ntry>"""));
    assertThat(split).extracting(BankTransaction::amountMinor).containsExactly(1_000L, 2_000L, 3_000L);
    assertThat(split).extracting(BankTransaction::endToEndReference).containsExactly("A", "B", "C");
    assertThat(split).extracting(BankTransaction::bankReference).containsExactly("BATCH-1", "BATCH-1-B", "BATCH-1");
    assertThat(split).extracting(BankTransaction::locator).containsExactly(
        "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]",
        "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls/TxDtls[2]",
        "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls[2]/TxDtls[1]");
    assertThat(split).extracting(BankTransaction::line).containsExactly(12, 13, 17);
  }

  @Test
  @DisplayName("an entry without details is one transaction located at the entry, its free text as remittance")
  void entryWithoutDetails() {
    List<BankTransaction> read = transactions(statement("08", entry("5.00", "USD", "CRDT") + """
            <Ntry><Amt Ccy="USD">2.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
              <BookgDt><DtTm>2026-03-04T10:00:00+01:00</DtTm></BookgDt>
              <BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>FEES</SubFmlyCd></Fmly></Domn></BkTxCd>
              <AddtlNtryInf>MONTHLY FEE</AddtlNtryInf></Ntry>"""));
    BankTransaction fee = read.get(1);
    assertThat(fee.locator()).isEqualTo("Document/BkToCstmrStmt/Stmt[1]/Ntry[2]");
    assertThat(fee.line()).isEqualTo(11);
    assertThat(fee.flow()).isEqualTo(Flow.DEBIT);
    assertThat(fee.family()).isEqualTo(Family.FEE);
    assertThat(fee.valueDate()).as("BookgDt when there is no ValDt").isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(fee.remittance()).isEqualTo("MONTHLY FEE");
    assertThat(fee.endToEndReference()).isEmpty();
    assertThat(fee.counterpartyName()).isEmpty();
  }

  @Test
  @DisplayName("the counterparty is the debtor of a credit, the creditor of a debit, and the original payer of a reversed credit")
  void counterparty() {
    String parties = """
        <RltdPties><Dbtr><Pty><Nm>Payer</Nm></Pty></Dbtr><DbtrAcct><Id><Othr><Id>111</Id></Othr></Id></DbtrAcct>
          <Cdtr><Pty><Nm>Payee</Nm></Pty></Cdtr><CdtrAcct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></CdtrAcct></RltdPties>""";
    String credit = withDetails(entry("1.00", "USD", "CRDT"), parties);
    String debit = withDetails(entry("1.00", "USD", "DBIT"), parties);
    String reversal = withDetails(entry("1.00", "USD", "DBIT").replace("<Sts>", "<RvslInd>true</RvslInd><Sts>"),
        parties);
    List<BankTransaction> read = transactions(statement("08", credit + debit + reversal));
    assertThat(read).extracting(BankTransaction::counterpartyName).containsExactly("Payer", "Payee", "Payer");
    assertThat(read).extracting(BankTransaction::counterpartyAccount)
        .containsExactly("111", "GB29NWBK60161331926819", "111");
    assertThat(read).extracting(BankTransaction::reversal).containsExactly(false, false, true);
    assertThat(read.get(2).flow()).as("flow as booked").isEqualTo(Flow.DEBIT);
  }

  @Test
  @DisplayName("remittance: every Ustrd joined by a space, every CdtrRefInf/Ref in order, NOTPROVIDED is no end-to-end id")
  void remittance() {
    BankTransaction t = transactions(statement("08", withDetails(entry("1.00", "USD", "CRDT"), """
        <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
        <RmtInf><Ustrd>one</Ustrd><Ustrd>two</Ustrd><Strd><CdtrRefInf><Ref>R1</Ref></CdtrRefInf></Strd>
          <Strd><RfrdDocInf><Nb>DOC</Nb></RfrdDocInf></Strd><Strd><CdtrRefInf><Ref>R2</Ref></CdtrRefInf></Strd></RmtInf>
        """))).get(0);
    assertThat(t.remittance()).isEqualTo("one two");
    assertThat(t.structuredReferences()).containsExactly("R1", "R2");
    assertThat(t.endToEndReference()).isEmpty();
  }

  @Test
  @DisplayName("pending, information and future entries are left out; booked ones are kept")
  void onlyBooked() {
    String pending = entry("1.00", "USD", "CRDT").replace("<Cd>BOOK</Cd>", "<Cd>PDNG</Cd>");
    String info = entry("2.00", "USD", "CRDT").replace("<Cd>BOOK</Cd>", "<Cd>INFO</Cd>");
    String future02 = entry("3.00", "USD", "CRDT").replace("<Sts><Cd>BOOK</Cd></Sts>", "<Sts>FUTR</Sts>");
    List<BankTransaction> read = transactions(statement("08", pending + entry("4.00", "USD", "CRDT") + info
        + future02));
    assertThat(read).extracting(BankTransaction::amountMinor).containsExactly(400L);
    assertThat(read.get(0).locator()).endsWith("Ntry[2]");
  }

  @ParameterizedTest(name = "{0} {1} is {2} minor units")
  @CsvSource({"JPY, 1000, 1000", "JPY, 1000.0, 1000", "USD, 12.3, 1230", "USD, 0.07, 7", "USD, .5, 50",
      "USD, 100., 10000", "USD, 1250.000, 125000", "BHD, 1.234, 1234", "BHD, 0.5, 500", "EUR, +3.10, 310"})
  @DisplayName("amounts are exact minor units by the currency's ISO 4217 decimals")
  void amounts(String currency, String amount, long minor) {
    String xml = statement("08", entry(amount, currency, "CRDT")).replace("<Ccy>USD</Ccy>", "<Ccy>" + currency + "</Ccy>");
    BankTransaction t = transactions(xml).get(0);
    assertThat(t.amountMinor()).isEqualTo(minor);
    assertThat(t.currency()).isEqualTo(currency);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"JPY, 1000.5, has more decimals than JPY has (0)", "USD, 1.001, has more decimals than USD has (2)",
      "BHD, 1.2345, has more decimals than BHD has (3)", "USD, '1,000.00', is not a decimal amount",
      "USD, 1e3, is not a decimal amount", "USD, -1.00, is negative", "USD, '', is not a decimal amount"})
  @DisplayName("an amount with more decimals than its currency has, malformed or negative is a problem at its Amt")
  void badAmounts(String currency, String amount, String message) {
    String xml = statement("08", entry(amount, currency, "CRDT")).replace("<Ccy>USD</Ccy>", "<Ccy>" + currency + "</Ccy>");
    assertThat(problems(xml)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt");
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.message()).contains(message);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PMNT/RCDT/ESCT, TRANSFER", "PMNT/ICDT/DMCT, TRANSFER", "PMNT/RCDT/ATXN, TRANSFER",
      "PMNT/IDDT/ESDD, ACH_SETTLEMENT", "PMNT/RCDT/ASET, ACH_SETTLEMENT", "PMNT/IDDT/UPDD, ACH_RETURN",
      "PMNT/IDDT/ARET, ACH_RETURN", "PMNT/RDDT/UPDD, ACH_RETURN", "PMNT/ICDT/AREV, ACH_RETURN",
      "ACMT/MDOP/CHRG, FEE", "ACMT/MDOP/FEES, FEE", "PMNT/RCDT/CHRG, FEE", "PMNT/RCHQ/CCHQ, OTHER",
      "PMNT/RDDT/ESDD, OTHER", "LDAS/CSLN/INTR, OTHER", "NTRF+166, OTHER", "XXXX, OTHER"})
  @DisplayName("bank transaction codes map to families as documented")
  void families(String code, Family family) {
    assertThat(CamtTransactionCodes.family(code)).isEqualTo(family);
  }

  @ParameterizedTest(name = "camt.{0}.001.{1}")
  @CsvSource({"053, 02", "053, 08", "053, 13", "054, 02", "054, 08", "054, 13"})
  @DisplayName("camt.053 and camt.054 versions 001.02 to 001.13 are read")
  void versions(String type, String version) {
    String xml = statement(version, entry("1.00", "USD", "CRDT"));
    if (type.equals("054")) {
      xml = xml.replace("camt.053", "camt.054").replace("BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn")
          .replace("Stmt>", "Ntfctn>");
    }
    CamtReadResult.Read read = readOk(xml);
    assertThat(read.messageType()).isEqualTo("camt." + type);
    assertThat(read.version()).isEqualTo("001." + version);
    assertThat(read.statements().get(0).format()).isEqualTo("camt." + type + ".001." + version);
    assertThat(read.statements().get(0).transactions()).hasSize(1);
  }

  /** The entry with one TxDtls holding {@code details} before its end. */
  private static String withDetails(String entry, String details) {
    return entry.replace("</Ntry>", "<NtryDtls><TxDtls>" + details + "</TxDtls></NtryDtls></Ntry>");
  }
}
