package dev.billpay.cli;

import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.clearing.nacha.NachaWriter;
import dev.billpay.clearing.nacha.ReturnFileBuilder;
import dev.billpay.reconciliation.bai2.Bai2Statement;
import dev.billpay.reconciliation.bai2.Bai2Writer;
import dev.billpay.reconciliation.bai2.FileHeader;
import dev.billpay.reconciliation.bai2.FundsType;
import dev.billpay.reconciliation.bai2.GroupHeader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Bank files from the command line: import one into a running gateway, and, for development and the
 * tutorial, play the bank: make a return file or a BAI2 statement from a clearing file we wrote.
 */
@Command(name = "files", description = "Import bank files; make return files and statements for testing.",
    subcommands = {FilesCommand.Import.class, FilesCommand.MakeReturn.class, FilesCommand.MakeStatement.class})
final class FilesCommand implements Runnable {
  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  @Command(name = "import", description = "Upload a NACHA return file or a BAI2 statement to POST /v1/bank-files;"
      + " prints the bank file (exit 1 if it is rejected, with its problems by line).")
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", description = "the file")
    Path file;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the gateway (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", defaultValue = "${env:BILLPAY_SECURITY_ADMIN_TOKEN:-dev-admin-token}",
        description = "admin token (default: $BILLPAY_SECURITY_ADMIN_TOKEN, else the dev default)")
    String token;

    @Override
    public Integer call() throws Exception {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/bank-files?file_name="
              + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8)))
          .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
          .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofFile(file)).build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      System.out.println(response.body());
      return response.statusCode() / 100 == 2 ? 0 : 1;
    }
  }

  @Command(name = "make-return", description = "Play the bank: write the return file an RDFI would send for"
      + " some entries of a clearing file (dev and tests only).")
  static final class MakeReturn implements Callable<Integer> {
    @Parameters(index = "0", description = "the clearing file (NACHA) we sent")
    Path clearingFile;

    @Option(names = "--return", description = "TRACE=RCODE, e.g. 011000010000001=R01 (repeatable)")
    List<String> returns = new ArrayList<>();

    @Option(names = "--change", description = "TRACE=CCODE:CORRECTED-DATA, e.g. 011000010000002=C01:12345678 (repeatable)")
    List<String> changes = new ArrayList<>();

    @Option(names = "--out", required = true, description = "where to write the return file")
    Path out;

    @Override
    public Integer call() throws IOException {
      ReturnFileBuilder builder = new ReturnFileBuilder(read(clearingFile));
      for (String r : returns) {
        String[] parts = r.split("=", 2);
        builder.returnEntry(parts[0], parts[1]);
      }
      for (String c : changes) {
        String[] parts = c.split("=", 2);
        String[] code = parts[1].split(":", 2);
        builder.notifyChange(parts[0], code[0], code.length > 1 ? code[1] : "");
      }
      Files.writeString(out, NachaWriter.write(builder.build(LocalDateTime.now(), 'A')), StandardCharsets.US_ASCII);
      System.out.println("wrote " + out);
      return 0;
    }
  }

  @Command(name = "make-statement", description = "Play the bank: write a BAI2 statement crediting the total of"
      + " each clearing file on its effective date (ACH settlement, type 166), plus optional other credits.")
  static final class MakeStatement implements Callable<Integer> {
    @Parameters(description = "clearing files (NACHA) whose settlement the statement reports")
    List<Path> clearingFiles = new ArrayList<>();

    @Option(names = "--credit", description = "AMOUNT:YYYY-MM-DD:REFERENCE, an incoming transfer (type 195; repeatable)")
    List<String> credits = new ArrayList<>();

    @Option(names = "--account", defaultValue = "000123456789", description = "our account number on the statement")
    String account;

    @Option(names = "--out", required = true, description = "where to write the statement")
    Path out;

    @Override
    public Integer call() throws IOException {
      List<Bai2Statement.Entry> entries = new ArrayList<>();
      LocalDate asOf = null;
      for (Path path : clearingFiles) {
        NachaFile file = read(path);
        LocalDate effective = file.batches().get(0).header().effectiveEntryDate();
        asOf = asOf == null || effective.isAfter(asOf) ? effective : asOf;
        entries.add(new Bai2Statement.Entry("166", file.control().totalDebitCents(),
            FundsType.valueDated(effective, ""), "ACH" + file.header().fileIdModifier(), "",
            "ACH SETTLEMENT " + file.header().creationDate() + " FILE " + file.header().fileIdModifier()));
      }
      for (String credit : credits) {
        String[] parts = credit.split(":", 3);
        LocalDate date = LocalDate.parse(parts[1]);
        asOf = asOf == null || date.isAfter(asOf) ? date : asOf;
        entries.add(new Bai2Statement.Entry("195", Long.parseLong(parts[0]), FundsType.valueDated(date, ""),
            "WIRE", parts.length > 2 ? parts[2] : "", "INCOMING WIRE"));
      }
      LocalDate day = asOf == null ? LocalDate.now() : asOf;
      Bai2Statement statement = new Bai2Statement(
          // a real bank numbers its files: a file id of our own clock keeps two statements apart
          new FileHeader("BANKSENDER", "BILLPAY", day, "2359", Long.toString(System.currentTimeMillis()),
              OptionalInt.of(80), OptionalInt.empty()),
          new GroupHeader("BILLPAY", "BANKSENDER", 1, day, "2359", "USD", OptionalInt.of(2)),
          List.of(new Bai2Statement.Account(account, "", List.of(), entries)));
      Files.writeString(out, Bai2Writer.format(statement), StandardCharsets.US_ASCII);
      System.out.println("wrote " + out);
      return 0;
    }
  }

  private static NachaFile read(Path path) throws IOException {
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
      return NachaReader.read(in).orElseThrow();
    }
  }
}
