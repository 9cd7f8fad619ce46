package dev.billpay.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** camt messages on disk as {@code POST /v1/bank-files} reads them: told from NACHA and BAI2, kind, hash, lines. */
@DisplayName("Bank file parser, camt")
class CamtBankFileParserTest {

  static Stream<String> corpus() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @DisplayName("a camt.053 is a camt_statement, a camt.054 a camt_notification, a bad message rejected with its problems")
  void kinds(String name) throws IOException, URISyntaxException {
    Path file = folder().resolve(name);
    ParsedBankFile parsed = BankFileParser.parse(file);
    assertThat(parsed.sha256()).isEqualTo(BankFileParser.sha256Hex(Files.readAllBytes(file)));
    if (name.startsWith("bad-")) {
      assertThat(parsed).isInstanceOf(ParsedBankFile.Rejected.class);
      ParsedBankFile.Problem first = ((ParsedBankFile.Rejected) parsed).problems().get(0);
      assertThat(first.line()).isPositive();
      assertThat(first.field()).isNotBlank();
    } else {
      assertThat(parsed).isInstanceOf(ParsedBankFile.Statement.class);
      ParsedBankFile.Statement statement = (ParsedBankFile.Statement) parsed;
      assertThat(statement.kind()).isEqualTo(name.startsWith("ntfctn-") ? "camt_notification" : "camt_statement");
      assertThat(statement.statements()).allSatisfy(s -> assertThat(s.format()).startsWith(
          name.startsWith("ntfctn-") ? "camt.054.001." : "camt.053.001."));
      assertThat(statement.transactions()).isNotEmpty();
    }
  }

  @Test
  @DisplayName("a statement keeps the file's line count and the camt problems' element paths as fields")
  void linesAndProblems() throws IOException, URISyntaxException {
    ParsedBankFile.Statement multi = (ParsedBankFile.Statement) BankFileParser.parse(folder()
        .resolve("stmt-08-multi-currency.xml"));
    assertThat(multi.lineCount()).isEqualTo(110);
    assertThat(multi.statements()).extracting(BankStatement::currency).containsExactly("EUR", "USD");
    assertThat(((ParsedBankFile.Statement) BankFileParser.parse(folder().resolve("ntfctn-08-one-line.xml")))
        .lineCount()).isEqualTo(1);
    ParsedBankFile.Rejected rejected = (ParsedBankFile.Rejected) BankFileParser.parse(folder()
        .resolve("bad-balances-off.xml"));
    assertThat(rejected.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(20);
      assertThat(p.field()).isEqualTo("Document/BkToCstmrStmt/Stmt[1]/Bal[2]");
      assertThat(p.message()).startsWith("CLBD is 1200.01 USD");
    });
  }

  @Test
  @DisplayName("XML is recognised after a byte order mark and blank lines; anything else still names all three formats")
  void detection(@TempDir Path dir) throws IOException, URISyntaxException {
    String message = Files.readString(folder().resolve("stmt-08-pending-left-out.xml"));
    Path blanks = Files.writeString(dir.resolve("blanks.xml"), "\n \r\n\t" + message.substring(message.indexOf("<Document")));
    assertThat(BankFileParser.parse(blanks)).isInstanceOf(ParsedBankFile.Statement.class);
    assertThat(BankFileParser.parse(folder().resolve("stmt-02-batch-bom-crlf.xml")))
        .isInstanceOf(ParsedBankFile.Statement.class);
    Path utf16 = Files.write(dir.resolve("utf16.xml"), message.replace("UTF-8", "UTF-16")
        .getBytes(StandardCharsets.UTF_16));
    assertThat(BankFileParser.parse(utf16)).isInstanceOf(ParsedBankFile.Statement.class);
    Path neither = Files.writeString(dir.resolve("neither.txt"), "hello\n");
    assertThat(((ParsedBankFile.Rejected) BankFileParser.parse(neither)).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("NACHA", "BAI2", "camt.053", "camt.054"));
  }

  private static Path folder() throws URISyntaxException {
    return Path.of(CamtBankFileParserTest.class.getResource("/bankfiles/camt").toURI());
  }
}
