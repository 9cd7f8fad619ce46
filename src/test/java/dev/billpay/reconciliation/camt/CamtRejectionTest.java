package dev.billpay.reconciliation.camt;

import static dev.billpay.reconciliation.camt.CamtMessages.entry;
import static dev.billpay.reconciliation.camt.CamtMessages.problems;
import static dev.billpay.reconciliation.camt.CamtMessages.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Messages rejected whole: each problem with the line and element path a person fixes it at. */
@DisplayName("camt rejections")
class CamtRejectionTest {
  private static final String STMT = "Document/BkToCstmrStmt/Stmt[1]";
  private static final String OPBD_100 = """
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
              <Dt><Dt>2026-03-02</Dt></Dt></Bal>
      """;

  private static String closing(String amount) {
    return """
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
              <Dt><Dt>2026-03-02</Dt></Dt></Bal>
        """.formatted(amount);
  }

  @Test
  @DisplayName("balances that do not add up: the CLBD named with both figures")
  void balancesDoNotAddUp() {
    List<CamtProblem> problems = problems(statement("08", OPBD_100 + closing("130.00")
        + entry("50.00", "USD", "CRDT") + entry("20.01", "USD", "DBIT")));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(10);
      assertThat(p.path()).isEqualTo(STMT + "/Bal[2]");
      assertThat(p.message()).isEqualTo("CLBD is 130.00 USD but OPBD 100.00 USD + booked credits 50.00 USD"
          + " - booked debits 20.01 USD make 129.99 USD");
    });
  }

  @Test
  @DisplayName("a pending entry does not count towards the balances; an overdrawn (DBIT) balance is negative")
  void pendingDoesNotMoveBalances() {
    String overdrawn = OPBD_100.replace("<CdtDbtInd>CRDT", "<CdtDbtInd>DBIT");
    String pending = entry("500.00", "USD", "CRDT").replace("<Cd>BOOK</Cd>", "<Cd>PDNG</Cd>");
    assertThat(CamtMessages.onlyStatement(statement("08", overdrawn + closing("50.00") + pending
        + entry("150.00", "USD", "CRDT"))).openingBookedMinor()).isEqualTo(-10_000L);
    assertThat(problems(statement("08", overdrawn + closing("550.00") + pending + entry("150.00", "USD", "CRDT"))))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("make 50.00 USD"));
  }

  @Test
  @DisplayName("batch parts that do not add up to their entry: the NtryDtls named with both figures")
  void batchPartsDoNotAddUp() {
    String batch = entry("30.00", "USD", "CRDT").replace("</Ntry>", """
        <NtryDtls>
          <TxDtls><Amt Ccy="USD">10.00</Amt></TxDtls>
          <TxDtls><Amt Ccy="USD">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls>
        </NtryDtls></Ntry>""");
    assertThat(problems(statement("08", batch))).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(10);
      assertThat(p.path()).isEqualTo(STMT + "/Ntry[1]/NtryDtls");
      assertThat(p.message()).isEqualTo("the 2 TxDtls add up to 0.00 USD but the entry's Amt is 30.00 USD");
    });
  }

  @Test
  @DisplayName("in an entry with several TxDtls, a part without an amount or in another currency is a problem")
  void batchPartsNeedTheirOwnAmounts() {
    String batch = entry("30.00", "USD", "CRDT").replace("</Ntry>", """
        <NtryDtls>
          <TxDtls><Refs><EndToEndId>A</EndToEndId></Refs></TxDtls>
          <TxDtls><Amt Ccy="EUR">30.00</Amt></TxDtls>
        </NtryDtls></Ntry>""");
    assertThat(problems(statement("08", batch))).extracting(CamtProblem::line, CamtProblem::path)
        .containsExactly(tuple(11, STMT + "/Ntry[1]/NtryDtls/TxDtls[1]/Amt"));
    String otherCurrency = batch.replace("<TxDtls><Refs><EndToEndId>A</EndToEndId></Refs></TxDtls>",
        "<TxDtls><Amt Ccy=\"USD\">0</Amt></TxDtls>");
    assertThat(problems(statement("08", otherCurrency))).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo(STMT + "/Ntry[1]/NtryDtls/TxDtls[2]/Amt");
      assertThat(p.message()).isEqualTo("is in EUR but its entry is in USD");
    });
  }

  @Test
  @DisplayName("an entry or balance in another currency than the account's")
  void currencyMismatch() {
    String eurEntry = entry("5.00", "EUR", "CRDT");
    assertThat(problems(statement("08", eurEntry))).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(8);
      assertThat(p.path()).isEqualTo(STMT + "/Ntry[1]/Amt");
      assertThat(p.message()).isEqualTo("is in EUR but the account's currency (Acct/Ccy) is USD");
    });
    String withoutAccountCurrency = statement("08", entry("5.00", "USD", "CRDT") + eurEntry)
        .replace("<Ccy>USD</Ccy>", "");
    assertThat(problems(withoutAccountCurrency)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo(STMT + "/Ntry[2]/Amt");
      assertThat(p.message()).isEqualTo("is in EUR but the report's first entry is in USD");
    });
  }

  @Test
  @DisplayName("a summary whose count or sum disagrees; one that counts only booked entries is accepted")
  void summary() {
    String pending = entry("7.00", "USD", "CRDT").replace("<Cd>BOOK</Cd>", "<Cd>PDNG</Cd>");
    String body = "<TxsSummry><TtlNtries><NbOfNtries>%s</NbOfNtries><Sum>%s</Sum></TtlNtries>"
        + "<TtlDbtNtries><NbOfNtries>0</NbOfNtries></TtlDbtNtries></TxsSummry>\n" + entry("5.00", "USD", "CRDT")
        + pending;
    assertThat(CamtMessages.readOk(statement("08", body.formatted("2", "12.00")))).isNotNull();
    assertThat(CamtMessages.readOk(statement("08", body.formatted("1", "5")))).isNotNull();
    assertThat(problems(statement("08", body.formatted("3", "12.01")))).extracting(CamtProblem::path, CamtProblem::message)
        .containsExactly(
            tuple(STMT + "/TxsSummry/TtlNtries/NbOfNtries",
                "is 3 but the report has 2 such entries, 1 of them booked"),
            tuple(STMT + "/TxsSummry/TtlNtries/Sum",
                "is 12.01 but the entries add up to 12.00 USD (booked ones 5.00 USD)"));
  }

  @Test
  @DisplayName("missing required elements are each named, in file order")
  void missingRequired() {
    String xml = statement("08", """
            <Ntry><Amt Ccy="USD">1.00</Amt><Sts><Cd>BOOK</Cd></Sts><ValDt><Dt>2026-03-02</Dt></ValDt></Ntry>
            <Ntry><CdtDbtInd>CRDT</CdtDbtInd><ValDt><Dt>2026-03-02</Dt></ValDt></Ntry>
            <Ntry><Amt Ccy="USD">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts></Ntry>
        """).replace("<Id>STMT-1</Id>", "").replace("<MsgId>MSG-1</MsgId>", "");
    assertThat(problems(xml)).extracting(CamtProblem::line, CamtProblem::path, CamtProblem::message).containsExactly(
        tuple(4, "Document/BkToCstmrStmt/GrpHdr/MsgId", "is missing"),
        tuple(5, STMT + "/Id", "is missing"),
        tuple(8, STMT + "/Ntry[1]/CdtDbtInd", "is missing"),
        tuple(9, STMT + "/Ntry[2]/Amt", "is missing"),
        tuple(9, STMT + "/Ntry[2]/Sts", "is missing"),
        tuple(10, STMT + "/Ntry[3]/ValDt",
            "is missing, and so is BookgDt: a booked entry needs a date"));
  }

  @Test
  @DisplayName("a message without account or statement, and values that are not codes, are named")
  void structureAndCodes() {
    assertThat(problems(statement("08", "").replaceAll("(?s)<Stmt>.*</Stmt>", "")))
        .extracting(CamtProblem::path).containsExactly("Document/BkToCstmrStmt/Stmt[1]");
    assertThat(problems(statement("08", "").replaceAll("<Acct>.*</Acct>", "")))
        .extracting(CamtProblem::path).containsExactly(STMT + "/Acct");
    String badCodes = entry("1.00", "USD", "CRED").replace("<Sts>", "<RvslInd>yes</RvslInd><Sts>");
    assertThat(problems(statement("08", badCodes))).extracting(CamtProblem::message)
        .containsExactly("is 'CRED', not CRDT or DBIT", "is 'yes', not true or false");
    assertThat(problems(statement("08", OPBD_100 + OPBD_100))).extracting(CamtProblem::path, CamtProblem::line)
        .containsExactly(tuple(STMT + "/Bal[2]", 10));
  }

  @Test
  @DisplayName("a problem's knock-on effects are not reported: an unreadable amount does not also unbalance the statement")
  void noKnockOn() {
    assertThat(problems(statement("08", OPBD_100 + closing("150.00") + entry("50.001", "USD", "CRDT"))))
        .extracting(CamtProblem::path).containsExactly(STMT + "/Ntry[1]/Amt");
  }

  @Test
  @DisplayName("not well-formed XML is rejected at the line and element where the parser stopped")
  void notWellFormed() {
    String xml = statement("08", entry("1.00", "USD", "CRDT").replace("</Ntry>", "</Entry>"));
    assertThat(problems(xml)).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(10);
      assertThat(p.path()).isEqualTo(STMT + "/Ntry[1]");
      assertThat(p.message()).startsWith("is not well-formed XML: ").contains("Ntry");
    });
    assertThat(problems("")).singleElement().satisfies(p -> assertThat(p.message()).startsWith("is not well-formed"));
    assertThat(problems("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>&amp")).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("is not well-formed"));
  }

  @Test
  @DisplayName("other namespaces, versions and roots are refused with what is read instead")
  void namespaces() {
    String v08 = statement("08", "");
    assertThat(problems(v08.replace("camt.053.001.08", "camt.053.001.01"))).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("Document");
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).isEqualTo("camt.053.001.01 is not read: versions 001.02 to 001.13 are");
    });
    assertThat(problems(v08.replace("camt.053.001.08", "camt.054.001.14"))).extracting(CamtProblem::message)
        .containsExactly("camt.054.001.14 is not read: versions 001.02 to 001.13 are");
    assertThat(problems(v08.replace("camt.053.001.08", "pain.001.001.09"))).extracting(CamtProblem::message)
        .singleElement().asString().startsWith("is in namespace urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
    assertThat(problems(v08.replace(" xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"", "")))
        .extracting(CamtProblem::message).singleElement().asString().startsWith("has no namespace");
    assertThat(problems(v08.replace("camt.053.001.08", "camt.054.001.08"))).extracting(CamtProblem::path)
        .containsExactly("Document/BkToCstmrDbtCdtNtfctn", "Document/BkToCstmrStmt");
    assertThat(problems("<Statement/>")).extracting(CamtProblem::path, CamtProblem::message).containsExactly(
        tuple("Statement", "is not an ISO 20022 message: the root element must be Document"));
  }

  @Test
  @DisplayName("a DOCTYPE is refused before any entity is resolved: an external entity reads no file")
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void xxe(@TempDir Path dir) throws IOException, InterruptedException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
    // a named pipe blocks whoever opens it for reading until a writer comes: if the reader opened the entity's
    // file, this test would hang and time out
    Path pipe = dir.resolve("pipe");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "mkfifo");
    for (Path target : List.of(secret, pipe)) {
      String xml = statement("08", "").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Document [<!ENTITY x SYSTEM \"" + target.toUri()
              + "\">]>\n").replace("MSG-1", "&x;");
      assertThat(problems(xml)).singleElement().satisfies(p -> {
        assertThat(p.path()).isEqualTo("DOCTYPE");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).isEqualTo("is not allowed: a camt message never has one").doesNotContain("SECRET");
      });
    }
    String laughs = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
        + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">&b;</Document>";
    assertThat(problems(laughs)).extracting(CamtProblem::path).containsExactly("DOCTYPE");
  }

  @Test
  @DisplayName("reading stops after 100 problems, saying so, and nesting deeper than any camt message is refused")
  void limits() {
    String bad = entry("1.001", "USD", "CRDT");
    List<CamtProblem> problems = problems(statement("08", bad.repeat(150)));
    assertThat(problems).hasSize(CamtReader.MAX_PROBLEMS + 1);
    assertThat(problems.get(CamtReader.MAX_PROBLEMS).message()).isEqualTo("too many problems; stopped reading here");
    String deep = "<X>".repeat(100) + "</X>".repeat(100);
    assertThat(problems(statement("08", "<AddtlStmtInf>" + deep + "</AddtlStmtInf>")))
        .extracting(CamtProblem::message).singleElement().asString().startsWith("nests elements deeper than");
  }
}
