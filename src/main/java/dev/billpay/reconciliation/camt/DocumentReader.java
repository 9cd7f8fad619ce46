package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * Streams one message: the Document and its namespace, the message element, its group header, then each report
 * ({@code Stmt}, {@code Ntfctn}) child by child. Only one child of a report is in memory at a time.
 */
final class DocumentReader {
  private final XmlCursor cursor;
  private final Problems problems = new Problems();
  private final List<BankStatement> statements = new ArrayList<>();
  private MessageKind kind;
  private String messageId = "";
  private LocalDate created;

  DocumentReader(XmlCursor cursor) {
    this.cursor = cursor;
  }

  CamtReadResult read() {
    try {
      document();
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      problems.addLast(at != null && at.getLineNumber() > 0 ? at.getLineNumber() : cursor.line(), where(),
          "is not well-formed XML: " + detail(e));
    } catch (XmlCursor.Refused e) {
      problems.addLast(e.line, e.path, e.getMessage());
    } catch (CamtRefusal e) {
      // too many problems: the list ends with a problem saying so
    }
    if (problems.none()) {
      return new CamtReadResult.Read(kind.type(), kind.version(), messageId, statements);
    }
    return new CamtReadResult.Rejected(problems.list());
  }

  private void document() throws XMLStreamException {
    cursor.nextChild();
    if (!cursor.name().equals("Document")) {
      problems.add(cursor.line(), cursor.path(), "is not an ISO 20022 message: the root element must be Document");
      return;
    }
    kind = MessageKind.of(cursor.namespace()).orElse(null);
    if (kind == null) {
      problems.add(cursor.line(), "Document", MessageKind.refusal(cursor.namespace()));
      return;
    }
    int line = cursor.line();
    boolean message = false;
    while (cursor.nextChild()) {
      if (cursor.name().equals(kind.container()) && !message) {
        message = true;
        message();
      } else {
        problems.add(cursor.line(), cursor.path(), "is not expected: a " + kind.type() + " Document holds one "
            + kind.container());
        cursor.skip();
      }
    }
    if (!message) {
      problems.add(line, "Document/" + kind.container(), "is missing");
    }
  }

  private void message() throws XMLStreamException {
    String path = cursor.path();
    int line = cursor.line();
    boolean header = false;
    int reports = 0;
    while (cursor.nextChild()) {
      if (cursor.name().equals("GrpHdr")) {
        header = true;
        header(cursor.read());
      } else if (cursor.name().equals(kind.report())) {
        reports++;
        report();
      } else {
        cursor.skip();
      }
    }
    if (!header) {
      problems.add(line, path + "/GrpHdr", "is missing");
    }
    if (reports == 0) {
      problems.add(line, path + "/" + kind.report() + "[1]", "is missing: the message reports on no account");
    }
  }

  private void header(XmlNode header) {
    messageId = header.text("MsgId");
    if (messageId.isEmpty()) {
      problems.add(header.line(), header.pathOf("MsgId"), "is missing");
    }
    created = header.child("CreDtTm").flatMap(c -> CamtDates.parse(c, problems)).orElse(null);
  }

  private void report() throws XMLStreamException {
    StatementAssembler report = new StatementAssembler(kind, cursor.path(), cursor.line(), problems);
    while (cursor.nextChild()) {
      report.accept(cursor.read());
    }
    BankStatement statement = report.finish(created);
    if (statement != null) {
      statements.add(statement);
    }
  }

  private String where() {
    return cursor.path().isEmpty() ? "Document" : cursor.path();
  }

  /** The parser's own words, without its "ParseError at [row,col]" prefix (the line is the problem's). */
  private static String detail(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf("Message: ");
    return (at >= 0 ? message.substring(at + "Message: ".length()) : message).trim();
  }
}
