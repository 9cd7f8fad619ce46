package dev.billpay.reconciliation;

import dev.billpay.clearing.nacha.NachaReadResult;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.reconciliation.ParsedBankFile.Problem;
import dev.billpay.reconciliation.bai2.Bai2FormatException;
import dev.billpay.reconciliation.bai2.Bai2Reader;
import dev.billpay.reconciliation.camt.CamtReadResult;
import dev.billpay.reconciliation.camt.CamtReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a received bank file from disk, streaming: hashes it, tells a NACHA file from a BAI2 one by its first
 * record and an ISO 20022 camt message by its first character ({@code <}), and parses it with the matching
 * reader. Blocking file I/O: call it on a worker thread (executeBlocking), never on an event loop.
 */
final class BankFileParser {
  private BankFileParser() {}

  static ParsedBankFile parse(Path path) throws IOException {
    MessageDigest sha = sha256();
    int lines = 0;
    boolean endsWithNewline = true;
    // first pass: the content hash and the line count, 64 KiB at a time
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        if (n > 0) {
          endsWithNewline = buffer[n - 1] == '\n';
        }
      }
    }
    if (!endsWithNewline) {
      lines++;
    }
    String hash = HexFormat.of().formatHex(sha.digest());
    if (isXml(path)) {
      return camt(path, hash, lines);
    }
    // second pass: parse, streaming line by line
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
      reader.mark(1024);
      String first = reader.readLine();
      reader.reset();
      ParsedBankFile parsed = parse(first, reader);
      if (parsed instanceof ParsedBankFile.NachaReturns n) {
        return new ParsedBankFile.NachaReturns(hash, lines, n.read());
      }
      if (parsed instanceof ParsedBankFile.NotAReturn n) {
        return new ParsedBankFile.NotAReturn(hash, lines, n.description());
      }
      if (parsed instanceof ParsedBankFile.Statement s) {
        return new ParsedBankFile.Statement(hash, lines, s.kind(), s.statements());
      }
      return new ParsedBankFile.Rejected(hash, lines, ((ParsedBankFile.Rejected) parsed).problems());
    }
  }

  private static ParsedBankFile parse(String first, BufferedReader reader) throws IOException {
    if (first == null || first.isEmpty()) {
      return rejected(1, "record", "the file is empty");
    }
    if (first.startsWith("01,")) {
      try {
        return new ParsedBankFile.Statement("", 0, "bai2_statement", Bai2Statements.of(Bai2Reader.read(reader)));
      } catch (Bai2FormatException e) {
        return new ParsedBankFile.Rejected("", 0, e.problems().stream()
            .map(p -> new Problem(p.line(), p.field(), p.message())).toList());
      }
    }
    if (first.startsWith("1")) {
      NachaReadResult result = NachaReader.read(reader);
      if (result instanceof NachaReadResult.Accepted accepted) {
        return FileKind.describeForward(accepted)
            .<ParsedBankFile>map(d -> new ParsedBankFile.NotAReturn("", 0, d))
            .orElseGet(() -> new ParsedBankFile.NachaReturns("", 0, accepted));
      }
      return new ParsedBankFile.Rejected("", 0, result.problems().stream()
          .map(p -> new Problem(p.line(), p.field(), p.message())).toList());
    }
    return rejected(1, "record", "neither a NACHA file (starts with a type 1 record), a BAI2 file (starts with 01,)"
        + " nor an ISO 20022 camt.053 or camt.054 message (XML, starts with <)");
  }

  /** XML is read as bytes: the parser takes the encoding from the file's byte order mark or declaration. */
  private static ParsedBankFile camt(Path path, String hash, int lines) throws IOException {
    CamtReadResult result;
    try (InputStream in = Files.newInputStream(path)) {
      result = CamtReader.read(in);
    }
    if (result instanceof CamtReadResult.Read read) {
      String kind = read.messageType().equals("camt.054") ? "camt_notification" : "camt_statement";
      return new ParsedBankFile.Statement(hash, lines, kind, read.statements());
    }
    return new ParsedBankFile.Rejected(hash, lines, ((CamtReadResult.Rejected) result).problems().stream()
        .map(p -> new Problem(p.line(), p.path(), p.message())).toList());
  }

  /**
   * Whether the first content after a byte order mark and blanks is {@code <} (an XML declaration or element).
   * NACHA and BAI2 records start with digits, so nothing else starts so.
   */
  static boolean isXml(Path path) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(1024);
    }
    int i = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
      i = 3;
    } else if (head.length >= 2 && ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF
        || (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)) {
      return true; // UTF-16: only XML is sent so; the parser reads it by its byte order mark
    }
    while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    return i < head.length && head[i] == '<';
  }

  private static ParsedBankFile rejected(int line, String field, String message) {
    return new ParsedBankFile.Rejected("", 0, List.of(new Problem(line, field, message)));
  }

  /** The content hash bank files are kept unique by. */
  static String sha256Hex(byte[] content) {
    return HexFormat.of().formatHex(sha256().digest(content));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
