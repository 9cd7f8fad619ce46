package dev.billpay.clearing;

import dev.billpay.accounts.FundingAccountQueries;
import dev.billpay.accounts.VerificationEntries;
import dev.billpay.clearing.nacha.CompanyBatch;
import dev.billpay.clearing.nacha.FileHeader;
import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaPlanner;
import dev.billpay.clearing.nacha.NachaText;
import dev.billpay.clearing.nacha.NachaWriter;
import dev.billpay.clearing.nacha.OffsetAccount;
import dev.billpay.clearing.nacha.PaymentOrder;
import dev.billpay.clearing.nacha.SecCode;
import dev.billpay.clearing.nacha.TransactionCode;
import dev.billpay.config.GatewayConfig.ClearingConfig;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.observability.GatewayMetrics;
import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentRef;
import dev.billpay.payments.PaymentSpeed;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.payments.Reinitiation;
import dev.billpay.shared.Ids;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cut-off: under a PostgreSQL advisory lock (one leader) and the cut-off's own row (run once),
 * gathers the pending payments whose effective date has come and the account verifications awaiting a
 * file, fails the payments that cannot be debited, writes NACHA files for the rest, stores them, marks the payments submitted with their trace numbers
 * and appends their events, all in one transaction; then hands the files to the transmitter. A
 * payment is locked while it is put into a file and only a pending one moves, so it is never in two.
 */
public final class ClearingEngine {
  /** The advisory lock key of the clearing leader ("billpay" + "ACH" in spirit; any fixed number). */
  static final long LEADER_LOCK = 0x62696c6c70617901L;
  private static final int MAX_PAYMENTS_PER_RUN = 200_000;
  /** Account verifications per cut-off; more wait for the next (each is one to three entries). */
  private static final int MAX_VERIFICATIONS_PER_RUN = 10_000;
  /** A file still not handed over this long after it was written had its hand-over cut short. */
  static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(10);
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final Logger LOG = LoggerFactory.getLogger(ClearingEngine.class);

  private final Vertx vertx;
  private final Pool pool;
  private final ClearingConfig config;
  private final CutoffSchedule cutoffs;
  private final AccountNumberCipher cipher;
  private final PaymentTransitions transitions;
  private final Transmitter transmitter;
  private final ClearingRepository files;
  private final GatewayMetrics metrics;
  private final VerificationEntries verifications;
  private final Predicate<String> achParticipant;

  /** {@code achParticipant}: whether the FedACH directory in use lists a routing number (see banking). */
  public ClearingEngine(Vertx vertx, Pool pool, ClearingConfig config, CutoffSchedule cutoffs,
      AccountNumberCipher cipher, PaymentTransitions transitions, Transmitter transmitter, GatewayMetrics metrics,
      VerificationEntries verifications, Predicate<String> achParticipant) {
    this.vertx = vertx;
    this.pool = pool;
    this.config = config;
    this.cutoffs = cutoffs;
    this.cipher = cipher;
    this.transitions = transitions;
    this.transmitter = transmitter;
    this.files = new ClearingRepository(pool);
    this.metrics = metrics;
    this.verifications = verifications;
    this.achParticipant = achParticipant;
  }

  /** What a cut-off produced; {@code ran} is false when another instance had it or it was done already. */
  public record RunResult(boolean ran, List<ClearingFile> files, int failed) {
    static RunResult skipped() {
      return new RunResult(false, List.of(), 0);
    }
  }

  public Future<RunResult> run(Instant cutoff, Instant now) {
    return write(cutoff, now).compose(result -> transmitAll(result).map(result));
  }

  /**
   * The cut-off's transaction alone, without the hand-over that follows it: what a run leaves behind
   * when the process stops between the two (tests of cancellation and of abandoned files use it).
   */
  Future<RunResult> write(Instant cutoff, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    return pool.withTransaction(conn -> conn.query("SELECT pg_try_advisory_xact_lock(" + LEADER_LOCK + ")").execute()
        .compose(locked -> !locked.iterator().next().getBoolean(0) ? Future.succeededFuture(RunResult.skipped())
            : ClearingRepository.claimRun(conn, cutoff, at).compose(claimed -> claimed
                ? gatherAndWrite(conn, cutoff, at) : Future.succeededFuture(RunResult.skipped()))))
        .onSuccess(r -> metrics.cleared(r.files().size(), r.files().stream().mapToInt(ClearingFile::entryCount).sum(),
            r.failed()));
  }

  /**
   * What one run sends in batches of their own: the standard entries effective the next banking day,
   * and, when a same-day window is still ahead today, the same-day entries effective today (with
   * Nacha's optional "SDHHMM" indicator in the Company Descriptive Date). The two never share an
   * effective date, so they never share a batch; each lane gets its own files.
   */
  record Lane(PaymentSpeed speed, LocalDate effective, String descriptiveDate) {}

  List<Lane> lanes(Instant cutoff, Instant at) {
    LocalDate standard = cutoffs.effectiveDateFor(cutoff);
    List<Lane> lanes = new ArrayList<>(2);
    cutoffs.sameDayWindowFor(cutoff, at).filter(w -> !w.day().equals(standard))
        .ifPresent(w -> lanes.add(new Lane(PaymentSpeed.SAME_DAY, w.day(), w.descriptiveDate())));
    lanes.add(new Lane(PaymentSpeed.STANDARD, standard, ""));
    return lanes;
  }

  private Future<RunResult> gatherAndWrite(SqlConnection conn, Instant cutoff, Instant at) {
    Future<RunResult> chain = Future.succeededFuture(new RunResult(true, List.of(), 0));
    for (Lane lane : lanes(cutoff, at)) {
      chain = chain.compose(sofar -> clearLane(conn, cutoff, lane, at).map(r -> {
        List<ClearingFile> all = new ArrayList<>(sofar.files());
        all.addAll(r.files());
        return new RunResult(true, all, sofar.failed() + r.failed());
      }));
    }
    return chain.compose(r -> ClearingRepository.runDone(conn, cutoff, r.files().size(),
        r.files().stream().mapToInt(ClearingFile::entryCount).sum()).map(r));
  }

  /** One lane; account verifications go with the standard entries (they are never same-day). */
  private Future<RunResult> clearLane(SqlConnection conn, Instant cutoff, Lane lane, Instant at) {
    return due(conn, lane).compose(due -> (lane.speed() == PaymentSpeed.STANDARD
        ? verifications.takeAwaitingFile(conn, MAX_VERIFICATIONS_PER_RUN, at)
        : Future.succeededFuture(List.<VerificationEntries.Due>of())).compose(checks -> {
      List<DuePayment> debitable = new ArrayList<>();
      List<DuePayment> refused = new ArrayList<>();
      for (DuePayment p : due) {
        (canDebit(p) ? debitable : refused).add(p);
      }
      return failAll(conn, refused, at)
          .compose(v -> debitable.isEmpty() && checks.isEmpty() ? Future.succeededFuture(List.<ClearingFile>of())
              : writeFiles(conn, cutoff, lane, debitable, checks, at))
          .map(written -> new RunResult(true, written, refused.size()));
    }));
  }

  /**
   * The pending payments of the lane's speed effective by its date (locked, so none can change until
   * the run commits) and the funding accounts they debit, in payment id order.
   */
  private static Future<List<DuePayment>> due(SqlConnection conn, Lane lane) {
    return PaymentQueries.pendingDue(conn, lane.speed(), lane.effective(), MAX_PAYMENTS_PER_RUN)
        .compose(payments ->
          payments.isEmpty() ? Future.succeededFuture(List.of())
              : FundingAccountQueries.debitAccounts(conn, payments.stream()
                  .map(PaymentQueries.Due::fundingAccountId).collect(Collectors.toSet()))
                  .map(accounts -> {
                    List<DuePayment> due = new ArrayList<>(payments.size());
                    for (PaymentQueries.Due p : payments) {
                      // checked when the payment was made, and never deleted: a payment without one stays pending
                      FundingAccountQueries.DebitAccount account = accounts.get(p.fundingAccountId());
                      if (account != null) {
                        due.add(DuePayment.of(p, account));
                      }
                    }
                    return due;
                  }));
    }

  /**
   * The execution check of a due payment: ACH can debit only an active US bank account, in USD, at a
   * FedACH participant (the directory may have been reloaded without the bank since the account was
   * made). A payment whose account cannot be debited fails now rather than sit pending forever.
   */
  private boolean canDebit(DuePayment p) {
    return "active".equals(p.accountStatus()) && "us_bank_account".equals(p.accountType())
        && "USD".equals(p.currency()) && achParticipant.test(p.routingNumber());
  }

  private Future<Void> failAll(SqlConnection conn, List<DuePayment> refused, Instant at) {
    return transitions.applyAll(conn, refused.stream().map(p -> new PaymentRef(p.id(), p.clientId()))
        .toList(), PaymentStatus.FAILED, at);
  }

  private Future<List<ClearingFile>> writeFiles(SqlConnection conn, Instant cutoff, Lane lane,
      List<DuePayment> due, List<VerificationEntries.Due> checks, Instant at) {
    LocalDate effective = lane.effective();
    // the file creation date of the header: modifiers are unique per creation date, even for a run
    // that comes after midnight (a gateway that was down at its cut-off)
    LocalDate fileDate = cutoffs.dayOf(at);
    String destination = FileHeader.routingField(config.immediateDestination());
    return ClearingRepository.usedModifiers(conn, fileDate, destination)
        // planned once to count the trace numbers (entries and offsets), so exactly those are reserved
        .compose(used -> vertx.executeBlocking(() -> plan(due, checks, lane, at, used, 1)).compose(counted ->
            ClearingRepository.reserveTraces(conn, (int) counted.nextTraceSequence() - 1).compose(firstTrace ->
                vertx.executeBlocking(() -> plan(due, checks, lane, at, used, firstTrace)))))
        .compose(plan -> {
          Future<List<ClearingFile>> chain = Future.succeededFuture(new ArrayList<>());
          for (NachaPlanner.PlannedFile planned : plan.files()) {
            chain = chain.compose(done -> store(conn, cutoff, fileDate, destination, effective, planned, checks, at)
                .map(f -> {
                  done.add(f);
                  return done;
                }));
          }
          return chain;
        });
  }

  /** Decrypts the account numbers and lays the files out: CPU work, so off the event loop. */
  private NachaPlanner.Plan plan(List<DuePayment> due, List<VerificationEntries.Due> checks, Lane lane, Instant at,
      Set<Character> used, long firstTrace) {
    // the SEC code is WEB or PPD (checked at start-up): never IAT, which same-day ACH excludes
    CompanyBatch batch = new CompanyBatch(config.companyName(), "", config.companyId(),
        SecCode.valueOf(config.secCode()), config.entryDescription(), lane.descriptiveDate(), lane.effective());
    // a reinitiation names the same company (name and id) as the original, in a batch described as the Rules require
    CompanyBatch retries = new CompanyBatch(config.companyName(), "", config.companyId(),
        SecCode.valueOf(config.secCode()), Reinitiation.ENTRY_DESCRIPTION, lane.descriptiveDate(), lane.effective());
    List<PaymentOrder> orders = new ArrayList<>(due.size());
    for (DuePayment p : due) {
      String account = cipher.open(p.number(), p.fundingAccountId());
      orders.add(new PaymentOrder(p.id(), p.reinitiation() ? retries : batch,
          TransactionCode.debit("savings".equals(p.bankAccountType())),
          p.routingNumber(), account, p.amount(), individualId(p.id()), NachaText.fit(p.holderName(), 22),
          p.planId() == null ? "S" : "R"));
    }
    orders.addAll(VerificationOrders.orders(checks, batch, (check, owner) -> cipher.open(check.account().number(),
        owner)));
    List<Character> modifiers = new ArrayList<>();
    for (char c : ALPHABET.toCharArray()) {
      if (!used.contains(c)) {
        modifiers.add(c);
      }
    }
    OffsetAccount offset = config.balanced()
        ? new OffsetAccount(config.settlementRoutingNumber(), config.settlementAccountNumber(), false) : null;
    NachaPlanner.Settings settings = new NachaPlanner.Settings(FileHeader.routingField(config.immediateDestination()),
        config.immediateOrigin(), config.immediateDestinationName(), config.immediateOriginName(), "",
        LocalDateTime.ofInstant(at, cutoffs.zone()), config.originatingDfi(), offset, NachaPlanner.MAX_LINES);
    return NachaPlanner.plan(orders, settings, modifiers, firstTrace);
  }

  /** The individual id field (15): the payment id's last 15 characters, enough to find it by eye. */
  private static String individualId(String paymentId) {
    return paymentId.substring(paymentId.length() - 15);
  }

  private Future<ClearingFile> store(SqlConnection conn, Instant cutoff, LocalDate fileDate, String destination,
      LocalDate effective, NachaPlanner.PlannedFile planned, List<VerificationEntries.Due> checks, Instant at) {
    NachaFile nacha = planned.file();
    String content = NachaWriter.write(nacha);
    var control = nacha.control();
    ClearingFile file = new ClearingFile(Ids.newId("cf"), cutoff, fileDate, destination,
        nacha.header().fileIdModifier(), effective, sha256(content), content.split("\n", -1).length - 1,
        control.batchCount(), planned.traceNumbers().size(), control.totalDebitCents(), control.totalCreditCents(),
        ClearingFileStatus.CREATED, null, null, at);
    List<String> ids = planned.traceNumbers().keySet().stream().filter(r -> !VerificationOrders.isVerification(r))
        .toList();
    List<String> traces = ids.stream().map(planned.traceNumbers()::get).toList();
    // a payment changed under our lock is impossible unless the lock is broken: submitAll then refuses the whole run
    return ClearingRepository.insertFile(conn, file, content)
        .compose(v -> transitions.submitAll(conn, file.id(), ids, traces, effective, at))
        .compose(v -> verifications.markSent(conn, VerificationOrders.tracesByVerification(planned.traceNumbers()),
            file.id(), effective, checks, at))
        .map(file);
  }

  private Future<Void> transmitAll(RunResult result) {
    Future<Void> chain = Future.succeededFuture();
    for (ClearingFile f : result.files()) {
      chain = chain.compose(v -> handOver(f));
    }
    return chain;
  }

  /**
   * The first hand-over of a file just written: claimed first (committed as {@code transmitting}), so
   * that a cancellation that came in between wins and the file is never sent, and a cancellation that
   * comes later is refused.
   */
  Future<Void> handOver(ClearingFile f) {
    return pool.withTransaction(conn -> ClearingRepository.claimHandOver(conn, f.id(), ClearingFileStatus.CREATED,
            Instant.now().truncatedTo(ChronoUnit.MILLIS)))
        .compose(claimed -> {
          if (!claimed) {
            LOG.info("clearing file {} not handed over: it was cancelled first", f.id());
            return Future.succeededFuture();
          }
          return transmitClaimed(f);
        }, e -> {
          // never claimed, so never sent: still 'created', and the abandoned-file check of a later tick flags it
          LOG.error("clearing file {} could not be claimed for its hand-over: {}", f.id(), e.toString());
          return Future.succeededFuture();
        });
  }

  /**
   * Sends a file its caller claimed ({@code transmitting}): the stored bytes, as written at the
   * cut-off. A failure of any kind makes its outcome unknown, as a failed first hand-over's is.
   */
  Future<Void> transmitClaimed(ClearingFile f) {
    return files.content(f.id())
        .compose(content -> transmitter.transmit(f, content.orElseThrow()))
        .compose(v -> files.markTransmitted(f.id(), Instant.now().truncatedTo(ChronoUnit.MILLIS)))
        .recover(e -> {
          LOG.error("clearing file {} not transmitted, its payments need review: {}", f.id(), e.toString());
          return transmissionUnknown(f.id(), Instant.now()).<Void>mapEmpty().recover(again -> {
            // still 'transmitting': the abandoned-file check of a later tick flags it
            LOG.error("clearing file {} could not be flagged: {}", f.id(), again.toString());
            return Future.succeededFuture();
          });
        });
  }

  /**
   * A hand-over that failed or was cut short has an unknown outcome: the bank may have the file or
   * not. Its payments become needs_review, with their events (those of a file sent again are already):
   * an unknown outcome is never a failure,
   * and they are never resubmitted by themselves (a payment goes to the bank at most once); the bank's
   * statement settles them, or its return file returns them.
   */
  public Future<Integer> transmissionUnknown(String fileId, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    return pool.withTransaction(conn -> ClearingRepository.markTransmissionUnknown(conn, fileId, at)
        .compose(marked -> marked ? PaymentQueries.submittedInFile(conn, fileId)
            : Future.succeededFuture(List.<PaymentRef>of()))
        .compose(payments -> transitions.applyAll(conn, payments, PaymentStatus.NEEDS_REVIEW, at)
            .map(payments.size())));
  }

  /**
   * Flags the files a crash left between their commit and their hand-over (still {@code created}
   * after {@link #ABANDONED_AFTER}) or in the middle of one ({@code transmitting} that long after it
   * started): their outcome is as unknown as a failed hand-over's.
   */
  public Future<Integer> flagAbandoned(Instant now) {
    return files.abandonedBefore(now.minus(ABANDONED_AFTER)).compose(ids -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (String id : ids) {
        LOG.error("clearing file {} was never handed over, its payments need review", id);
        chain = chain.compose(n -> transmissionUnknown(id, now).map(m -> n + m));
      }
      return chain;
    });
  }

  static String sha256(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
