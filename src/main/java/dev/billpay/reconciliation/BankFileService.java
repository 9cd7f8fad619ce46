package dev.billpay.reconciliation;

import dev.billpay.accounts.FundingAccountService;
import dev.billpay.clearing.nacha.NachaReadResult;
import dev.billpay.observability.GatewayMetrics;
import dev.billpay.payments.PaymentRetries;
import dev.billpay.returns.ReturnRateMonitor;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.reconciliation.matching.MatchingEngine;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.Ids;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a bank file: parsed off the event loop from a temporary file, rejected whole with
 * line-numbered problems when malformed, and applied in one transaction keyed by its content hash, so
 * importing the same file again changes nothing and answers the first import.
 */
public final class BankFileService {
  private static final Logger LOG = LoggerFactory.getLogger(BankFileService.class);
  private static final int MAX_PROBLEMS_SHOWN = 100;
  private final Vertx vertx;
  private final Pool pool;
  private final BankFileRepository files;
  private final ReturnApplier returns;
  private final TransactionApplier transactions;
  private final Clock clock;
  private final GatewayMetrics metrics;

  private final ReturnRateMonitor returnRates;

  /**
   * @param expected the expected payments a statement's transactions may reconcile
   * @param engine decides what each transaction reconciles or settles
   * @param windowDays calendar days around a transaction's value date in which our own entries are looked for
   */
  public BankFileService(Vertx vertx, Pool pool, PaymentTransitions transitions, Returns returnsAutomation,
      ExpectedPaymentLedger expected, MatchingEngine engine, int windowDays, Clock clock, GatewayMetrics metrics) {
    this.metrics = metrics;
    this.vertx = vertx;
    this.pool = pool;
    this.files = new BankFileRepository(pool);
    this.returns = new ReturnApplier(transitions, returnsAutomation.retries(), returnsAutomation.accounts());
    this.returnRates = returnsAutomation.rates();
    this.transactions = new TransactionApplier(transitions, expected, engine, windowDays);
    this.clock = clock;
  }

  /** What a return file sets going besides the returns: reinitiations, account corrections, return rates. */
  public record Returns(PaymentRetries retries, FundingAccountService accounts, ReturnRateMonitor rates) {}

  /** The answer: the bank file resource, and whether this call imported it (false: seen before). */
  public record Imported(JsonObject file, boolean created) {}

  public Future<Imported> importFile(Path path, String fileName) {
    return vertx.executeBlocking(() -> BankFileParser.parse(path)).compose(parsed -> {
      if (parsed instanceof ParsedBankFile.Rejected rejected) {
        return Future.failedFuture(invalid(rejected));
      }
      if (parsed instanceof ParsedBankFile.NotAReturn forward) {
        return Future.failedFuture(new DomainException(ProblemType.BANK_FILE_NOT_A_RETURN, "The file is "
            + forward.description() + ". Only NACHA return/NOC files and BAI2 statements are imported here;"
            + " nothing was stored or applied."));
      }
      return files.byHash(parsed.sha256()).compose(seen -> seen.isPresent()
          ? Future.succeededFuture(new Imported(seen.get(), false))
          // kept as received: what was set aside can be read again where it stands
          : vertx.fileSystem().readFile(path.toString()).compose(content -> apply(parsed, fileName, content)));
    });
  }

  /**
   * What the bank sent outside a file upload, a signed notification say, already read: applied by the same code as
   * files, stored as a bank file of its own kind and, like a file, once per content.
   */
  public sealed interface Received {
    /** Transactions of an account; {@code kind} is stored on the bank file, e.g. {@code bank_notification}. */
    record Transactions(String kind, List<BankStatement> statements) implements Received {}

    /** Returns and notifications of change, as a NACHA return file would carry them. */
    record Returns(NachaReadResult.Accepted read) implements Received {}
  }

  /**
   * Applies what the bank sent outside a file upload; {@code content} is kept as received and its hash makes a second
   * import of the same content answer the first.
   */
  public Future<Imported> importReceived(Received received, String name, io.vertx.core.buffer.Buffer content) {
    String hash = BankFileParser.sha256Hex(content.getBytes());
    int lines = Math.max(1, (int) content.toString(StandardCharsets.UTF_8).lines().count());
    ParsedBankFile parsed = received instanceof Received.Transactions t
        ? new ParsedBankFile.Statement(hash, lines, t.kind(), t.statements())
        : new ParsedBankFile.NachaReturns(hash, lines, ((Received.Returns) received).read());
    return files.byHash(hash).compose(seen -> seen.isPresent()
        ? Future.succeededFuture(new Imported(seen.get(), false))
        : apply(parsed, name, content));
  }

  private Future<Imported> apply(ParsedBankFile parsed, String fileName, io.vertx.core.buffer.Buffer content) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = Ids.newId("bf");
    String kind = parsed instanceof ParsedBankFile.Statement s ? s.kind() : "nacha_return";
    return pool.withTransaction(conn -> BankFileRepository.insertFile(conn, id, kind, parsed.sha256(), fileName,
            parsed.lineCount(), at, content).compose(inserted -> inserted ? applyContent(conn, id, parsed, at)
                // a concurrent import of the same file won the insert: this one changes nothing
                : Future.succeededFuture(null)))
        .compose(summary -> files.byHash(parsed.sha256()).map(f -> new Imported(f.orElseThrow(), summary != null)))
        .onSuccess(i -> {
          if (i.created()) {
            metrics.bankFileImported(kind, i.file().getJsonObject("summary").getInteger("exceptions", 0));
            LOG.info("bank file {} imported: {} ({} lines), {}", id, kind, parsed.lineCount(),
                i.file().getJsonObject("summary").encode());
          }
        });
  }

  private Future<JsonObject> applyContent(SqlConnection conn, String id, ParsedBankFile parsed, Instant at) {
    Future<JsonObject> summary;
    if (parsed instanceof ParsedBankFile.NachaReturns n) {
      summary = returns.apply(conn, id, n.read(), at).compose(o ->
          BankFileRepository.exceptions(conn, id, o.exceptions(), at)
              .compose(v -> BankFileRepository.matches(conn, id, o.matches()))
              .compose(v -> returnRates.afterReturns(conn, o.clientsWithReturns(), at))
              .map(v -> ReturnSummary.of(n.read(), o)));
    } else if (parsed instanceof ParsedBankFile.Statement s) {
      summary = transactions.apply(conn, id, s.transactions(), at).compose(o ->
          BankFileRepository.exceptions(conn, id, o.exceptions(), at)
              .compose(v -> BankFileRepository.matches(conn, id, o.matches()))
              .map(v -> new JsonObject().put("transactions", s.transactions().size())
                  .put("clearing_files_settled", o.filesSettled()).put("payments_settled", o.paymentsSettled())
                  .put("return_settlements", o.returnSettlements())
                  .put("expected_payments_reconciled", o.expectedPaymentsReconciled())
                  .put("exceptions", o.exceptions().size())));
    } else {
      summary = Future.failedFuture(invalid((ParsedBankFile.Rejected) parsed));
    }
    return summary.compose(s -> BankFileRepository.summary(conn, id, s).map(s));
  }

  private static DomainException invalid(ParsedBankFile.Rejected rejected) {
    var errors = rejected.problems().stream().limit(MAX_PROBLEMS_SHOWN)
        .map(p -> new FieldError("line " + p.line() + ": " + p.field(), p.message())).toList();
    return new DomainException(ProblemType.BANK_FILE_INVALID,
        "The file was rejected whole (nothing was applied): " + rejected.problems().size()
            + " problem(s), listed by line in errors.", errors);
  }

  public Future<JsonObject> get(String id) {
    return files.byId(id).map(f -> f.orElseThrow(() -> DomainException.notFound("Bank file " + id)));
  }

  public BankFileRepository repository() {
    return files;
  }
}
