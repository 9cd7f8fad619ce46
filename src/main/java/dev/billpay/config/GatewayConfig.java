package dev.billpay.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/** The whole, validated configuration of one gateway process. Immutable. */
public record GatewayConfig(
    HttpConfig http,
    PgConfig pg,
    KafkaConfig kafka,
    CassandraConfig cassandra,
    EmbeddedConfig embedded,
    PaymentsConfig payments,
    IdempotencyConfig idempotency,
    RateLimitConfig rateLimit,
    BankingConfig banking,
    SecurityConfig security,
    WebhooksConfig webhooks,
    OutboxConfig outbox,
    ProjectorConfig projector,
    AuthConfig auth,
    Roles roles,
    SchedulingConfig scheduling,
    ClearingConfig clearing,
    ReconciliationConfig reconciliation,
    AccountsConfig accounts,
    ReturnsConfig returns,
    BankNotificationConfig bankNotification,
    LogConfig log) {

  /**
   * {@code format} empty: the command chooses (JSON lines under {@code serve}, readable text under {@code dev});
   * {@code text} or {@code json} overrides either.
   */
  public record LogConfig(String format) {
    static final List<String> FORMATS = List.of("text", "json");

    /** The configured format, else the command's own. */
    public LogFormat formatOr(LogFormat commandDefault) {
      return format.isEmpty() ? commandDefault : LogFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    }

    static LogConfig read(ConfigReader r) {
      String format = r.string("log.format").toLowerCase(java.util.Locale.ROOT);
      if (!format.isEmpty() && !FORMATS.contains(format)) {
        r.problem("log.format", "expected text or json (or empty: json under serve, text under dev), got '"
            + format + "'");
        return new LogConfig("");
      }
      return new LogConfig(format);
    }
  }

  public record HttpConfig(String host, int port, int instances, int bodyLimitBytes) {}

  /** {@code url} empty means "start the embedded server" (dev mode only). */
  public record PgConfig(String url, String user, String password, int poolSize) {
    public boolean external() {
      return !url.isEmpty();
    }
  }

  public record KafkaConfig(
      String bootstrapServers,
      String paymentEventsTopic,
      String deadLetterTopic,
      int partitions,
      int replicationFactor,
      int retentionHours,
      KafkaCompression producerCompression) {
    public boolean external() {
      return !bootstrapServers.isEmpty();
    }
  }

  public record CassandraConfig(
      String contactPoints,
      String localDatacenter,
      String keyspace,
      String replication,
      String consistency,
      Path schemaDir) {
    public boolean external() {
      return !contactPoints.isEmpty();
    }
  }

  public record EmbeddedConfig(
      Path dataDir,
      Path runtimeClasspathDir,
      String javaHome,
      int pgPort,
      int kafkaPort,
      int kafkaControllerPort,
      int cassandraPort,
      int cassandraStoragePort,
      boolean serversQuickStart) {}

  /**
   * Limits, and how POST /v1/payments coalesces: up to {@code writeBatchSize} concurrent requests of
   * one event loop share a transaction, with at most {@code writeBatchesInFlight} per event loop.
   */
  public record PaymentsConfig(long maxAmountMinor, long dailyLimitMinor, int maxScheduleDays, int writeBatchSize,
      int writeBatchesInFlight) {}

  public record IdempotencyConfig(int retentionHours, int purgeIntervalMs) {}

  public record RateLimitConfig(int requestsPerSecond, int burst) {}

  /**
   * Account validation before debits. {@code requireVerifiedForDebits} ({@code payments.require-verified-account})
   * refuses a debit from an account that is not verified; {@code knownGoodAccounts} is the file the development
   * verifier reads (empty: no external verifier).
   */
  public record AccountsConfig(boolean requireVerifiedForDebits, int prenoteWaitBankingDays,
      int microEntriesExpireDays, String knownGoodAccounts) {}

  /** {@code routingDirectory} empty: routing numbers are checked by the ABA rules only. */
  public record BankingConfig(String routingDirectory) {}

  /** Secrets: set them through the environment only (BILLPAY_SECURITY_ACCOUNT_KEY, ..._ADMIN_TOKEN). */
  public record SecurityConfig(String accountKeyId, String accountKey, String adminToken) {
    @Override
    public String toString() {
      return "SecurityConfig[accountKeyId=" + accountKeyId + ", secrets redacted]";
    }
  }

  /** {@code retrySchedule}: comma-separated delays in seconds between attempts (about 3 days by default). */
  public record WebhooksConfig(
      String groupId,
      String retrySchedule,
      int timeoutMs,
      int maxConcurrencyPerEndpoint,
      int pollIntervalMs,
      int secretOverlapHours,
      boolean allowHttp,
      boolean allowPrivateTargets) {}

  public record OutboxConfig(int batchSize, int pollIntervalMs, int retentionHours) {}

  /** {@code storeCheckIntervalMs}: how often the projector checks that Cassandra still holds its schema. */
  public record ProjectorConfig(String groupId, int maxInFlight, int retryDelayMs, int storeCheckIntervalMs) {}

  public record AuthConfig(String devApiKey) {}

  /** Plans: how far ahead occurrences are materialised, and how often the scheduler looks. */
  public record SchedulingConfig(int horizonDays, int pollIntervalMs, int batchSize) {}

  /**
   * The ACH clearing engine: cut-off times (local times in {@code timeZone}, banking days only), the
   * NACHA file's parties (our bank, us as originator), and how submitted payments settle.
   */
  public record ClearingConfig(
      String cutoffs,
      String timeZone,
      String immediateDestination,
      String immediateDestinationName,
      String immediateOrigin,
      String immediateOriginName,
      String companyName,
      String companyId,
      String originatingDfi,
      String secCode,
      String entryDescription,
      boolean balanced,
      String settlementRoutingNumber,
      String settlementAccountNumber,
      String transmitDir,
      int settlementDays,
      int pollIntervalMs,
      String transmitter,
      SftpConfig sftp,
      SameDayConfig sameDay) {
    public java.time.ZoneId zone() {
      return java.time.ZoneId.of(timeZone);
    }

    public List<java.time.LocalTime> cutoffTimes() {
      return java.util.Arrays.stream(cutoffs.split(",")).map(String::trim).map(java.time.LocalTime::parse).sorted()
          .toList();
    }
  }

  /**
   * The bank's SFTP server for the {@code sftp} transmitter. {@code hostKey} pins the server's key: an
   * OpenSSH public-key line ({@code ssh-ed25519 AAAA...}) or its SHA-256 fingerprint ({@code SHA256:...},
   * as {@code ssh-keygen -lf} prints it). Authentication by the private key file at
   * {@code privateKeyPath} or by {@code password}; the password comes from the environment only
   * (BILLPAY_CLEARING_SFTP_PASSWORD), never from a file.
   */
  public record SftpConfig(String host, int port, String user, String remoteDir, String hostKey,
      String privateKeyPath, String password, int timeoutMs) {
    @Override
    public String toString() {
      return "SftpConfig[host=" + host + ", port=" + port + ", user=" + user + ", remoteDir=" + remoteDir
          + ", privateKeyPath=" + privateKeyPath + ", password redacted]";
    }
  }

  /**
   * Same-day ACH: the submission deadlines (local times in {@code timeZone}, banking days only), the
   * settlement time of each, the per-entry limit and what a same-day payment made after the day's last
   * window gets ({@code next-day-first-window} or {@code refuse}).
   */
  public record SameDayConfig(String windows, String timeZone, String settlementTimes, long maxAmountMinor,
      String afterLastWindow) {
    public static final List<String> AFTER_LAST_WINDOW = List.of("next-day-first-window", "refuse");

    public java.time.ZoneId zone() {
      return java.time.ZoneId.of(timeZone);
    }

    public List<java.time.LocalTime> windowTimes() {
      return times(windows);
    }

    public List<java.time.LocalTime> settlementTimeList() {
      return times(settlementTimes);
    }

    /** Whether a same-day payment due today but made after the day's last window is refused (422). */
    public boolean refusesAfterLastWindow() {
      return "refuse".equals(afterLastWindow);
    }

    private static List<java.time.LocalTime> times(String csv) {
      return java.util.Arrays.stream(csv.split(",")).map(String::trim).map(java.time.LocalTime::parse).sorted()
          .toList();
    }
  }

  /**
   * Bank files and statement matching. {@code toleranceMinor} and {@code toleranceBasisPoints} say how far a
   * received total may fall from an expected amount and still reconcile it (the larger of the two applies); the
   * reconciliation package turns them into its tolerance. {@code overdueSweepIntervalMs}: how often expected
   * payments whose window passed are marked overdue.
   */
  public record ReconciliationConfig(int dateWindowDays, int maxFileBytes, long toleranceMinor,
      int toleranceBasisPoints, int overdueSweepIntervalMs) {}

  /**
   * Returns automation: R01/R09 returns are re-presented {@code retryDelayBankingDays} banking days
   * after the return is received; {@code pauseDebitsOverThreshold} refuses new debits of a client
   * whose return rate is over a threshold.
   */
  public record ReturnsConfig(int retryDelayBankingDays, boolean pauseDebitsOverThreshold) {}

  /**
   * Signed push messages from banks: {@code secrets} lists each bank's Standard Webhooks secrets as
   * {@code bank=whsec_...} separated by commas, a bank named more than once having several (a rotation);
   * {@code toleranceSeconds} is how far a message's timestamp may be from our clock.
   */
  public record BankNotificationConfig(String secrets, int maxBodyBytes, int toleranceSeconds) {
    /** Bank names are path segments of the endpoint: lower case, digits and dashes. */
    private static final java.util.regex.Pattern BANK = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** Each bank's secrets, in the order given; empty when no bank is configured. */
    public java.util.Map<String, List<String>> secretsByBank() {
      java.util.Map<String, List<String>> banks = new java.util.LinkedHashMap<>();
      for (String entry : secrets.split(",")) {
        String[] parts = entry.trim().split("=", 2);
        if (parts.length == 2) {
          banks.computeIfAbsent(parts[0].trim(), b -> new java.util.ArrayList<>()).add(parts[1].trim());
        }
      }
      banks.replaceAll((bank, list) -> List.copyOf(list));
      return java.util.Collections.unmodifiableMap(banks);
    }

    static void check(BankNotificationConfig c, ConfigReader r) {
      if (c.secrets().isBlank()) {
        return;
      }
      for (String entry : c.secrets().split(",")) {
        String[] parts = entry.trim().split("=", 2);
        // the message names the bank at most: the value is a secret and problems end up in logs
        if (parts.length != 2 || !BANK.matcher(parts[0].trim()).matches()) {
          r.problem("bank-notification.secrets", "expected bank=whsec_... entries separated by commas, the bank"
              + " in lower case letters, digits and dashes");
        } else if (!isSecret(parts[1].trim())) {
          r.problem("bank-notification.secrets", "the secret of bank " + parts[0].trim()
              + " is not whsec_ followed by standard base64");
        }
      }
    }

    private static boolean isSecret(String value) {
      try {
        return value.startsWith("whsec_") && java.util.Base64.getDecoder().decode(value.substring(6)).length > 0;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return "BankNotificationConfig[banks=" + secretsByBank().keySet() + ", maxBodyBytes=" + maxBodyBytes
          + ", toleranceSeconds=" + toleranceSeconds + ", secrets redacted]";
    }
  }

  /**
   * Which parts of the pipeline this process runs: every role can run as its own process from the same
   * jar, so the gateway scales out on Kafka partitions and PostgreSQL, not on clustering of its own.
   * {@code all} by default.
   */
  public record Roles(java.util.Set<String> enabled) {
    public static final List<String> ALL =
        List.of("api", "relay", "projector", "webhooks", "maintenance", "scheduler", "clearing");

    public boolean has(String role) {
      return enabled.contains(role);
    }

    static Roles parse(String value, ConfigReader r) {
      if (value.isBlank() || value.trim().equals("all")) {
        return new Roles(java.util.Set.copyOf(ALL));
      }
      java.util.Set<String> roles = new java.util.LinkedHashSet<>();
      for (String role : value.split(",")) {
        String name = role.trim();
        if (!ALL.contains(name)) {
          r.problem("roles", "unknown role '" + name + "', expected 'all' or a comma-separated list of " + ALL);
        }
        roles.add(name);
      }
      return new Roles(java.util.Set.copyOf(roles));
    }
  }

  static GatewayConfig from(JsonObject json, List<String> problems) {
    ConfigReader r = new ConfigReader(json, problems);
    HttpConfig http =
        new HttpConfig(
            r.string("http.host"),
            r.port("http.port"),
            r.integer("http.instances", 0, 64),
            r.integer("http.body-limit-bytes", 1024, 64 * 1024 * 1024));
    PgConfig pg =
        new PgConfig(
            r.string("pg.url"), r.string("pg.user"), r.string("pg.password"), r.integer("pg.pool-size", 1, 512));
    if (pg.external() && !pg.url().startsWith("postgresql://") && !pg.url().startsWith("postgres://")) {
      r.problem("pg.url", "expected postgresql://host:port/database, got '" + pg.url() + "'");
    }
    KafkaConfig kafka =
        new KafkaConfig(
            r.string("kafka.bootstrap-servers"),
            r.string("kafka.payment-events-topic"),
            r.string("kafka.dead-letter-topic"),
            r.integer("kafka.partitions", 1, 10_000),
            r.integer("kafka.replication-factor", 1, 32),
            r.integer("kafka.retention-hours", 1, 24 * 3650),
            KafkaCompression.read(r, "kafka.producer.compression"));
    if (kafka.paymentEventsTopic().isEmpty()) {
      r.problem("kafka.payment-events-topic", "must not be empty");
    }
    CassandraConfig cassandra =
        new CassandraConfig(
            r.string("cassandra.contact-points"),
            r.string("cassandra.local-datacenter"),
            r.string("cassandra.keyspace"),
            r.string("cassandra.replication"),
            r.string("cassandra.consistency"),
            Path.of(r.string("cassandra.schema-dir")));
    if (!cassandra.keyspace().matches("[a-z][a-z0-9_]{0,47}")) {
      r.problem("cassandra.keyspace", "expected a lower-case CQL identifier, got '" + cassandra.keyspace() + "'");
    }
    if (!List.of("ONE", "LOCAL_ONE", "QUORUM", "LOCAL_QUORUM", "ALL").contains(cassandra.consistency())) {
      r.problem("cassandra.consistency", "expected ONE, LOCAL_ONE, QUORUM, LOCAL_QUORUM or ALL");
    }
    EmbeddedConfig embedded =
        new EmbeddedConfig(
            Path.of(r.string("embedded.data-dir")),
            Path.of(r.string("embedded.runtime-classpath-dir")),
            r.string("embedded.java-home"),
            r.port("embedded.pg-port"),
            r.port("embedded.kafka-port"),
            r.port("embedded.kafka-controller-port"),
            r.port("embedded.cassandra-port"),
            r.port("embedded.cassandra-storage-port"),
            r.bool("embedded.servers-quick-start"));
    PaymentsConfig payments = new PaymentsConfig(
        r.longInteger("payments.max-amount-minor", 1, Long.MAX_VALUE / 4),
        r.longInteger("payments.daily-limit-minor", 1, Long.MAX_VALUE / 4),
        r.integer("payments.max-schedule-days", 1, 3660),
        r.integer("payments.write-batch-size", 1, 1000),
        r.integer("payments.write-batches-in-flight", 1, 64));
    IdempotencyConfig idempotency = new IdempotencyConfig(
        r.integer("idempotency.retention-hours", 24, 24 * 365), r.integer("idempotency.purge-interval-ms", 1000, 86_400_000));
    RateLimitConfig rateLimit = new RateLimitConfig(
        r.integer("rate-limit.requests-per-second", 1, 1_000_000), r.integer("rate-limit.burst", 1, 10_000_000));
    BankingConfig banking = new BankingConfig(r.string("banking.routing-directory"));
    SecurityConfig security = new SecurityConfig(
        r.string("security.account-key-id"), r.string("security.account-key"), r.string("security.admin-token"));
    if (!security.accountKey().isEmpty() && !isAes256Base64(security.accountKey())) {
      r.problem("security.account-key", "expected 32 random bytes in base64 (openssl rand -base64 32)");
    }
    WebhooksConfig webhooks = new WebhooksConfig(
        r.string("webhooks.group-id"),
        r.string("webhooks.retry-schedule-seconds"),
        r.integer("webhooks.timeout-ms", 100, 120_000),
        r.integer("webhooks.max-concurrency-per-endpoint", 1, 256),
        r.integer("webhooks.poll-interval-ms", 10, 60_000),
        r.integer("webhooks.secret-overlap-hours", 0, 24 * 30),
        r.bool("webhooks.allow-http"),
        r.bool("webhooks.allow-private-targets"));
    if (!webhooks.retrySchedule().matches("\\d+(,\\d+)*")) {
      r.problem("webhooks.retry-schedule-seconds", "expected comma-separated seconds, e.g. 5,300,1800");
    }
    OutboxConfig outbox =
        new OutboxConfig(r.integer("outbox.batch-size", 1, 10_000), r.integer("outbox.poll-interval-ms", 10, 60_000),
            r.integer("outbox.retention-hours", 1, 24 * 365));
    ProjectorConfig projector =
        new ProjectorConfig(
            r.string("projector.group-id"),
            r.integer("projector.max-in-flight", 1, 4096),
            r.integer("projector.retry-delay-ms", 10, 600_000),
            r.integer("projector.store-check-interval-ms", 100, 3_600_000));
    AuthConfig auth = new AuthConfig(r.string("auth.dev-api-key"));
    Roles roles = Roles.parse(r.string("roles"), r);
    SchedulingConfig scheduling = new SchedulingConfig(r.integer("scheduling.horizon-days", 1, 400),
        r.integer("scheduling.poll-interval-ms", 10, 3_600_000), r.integer("scheduling.batch-size", 1, 10_000));
    ClearingConfig clearing = new ClearingConfig(
        r.string("clearing.cutoffs"), r.string("clearing.time-zone"), r.string("clearing.immediate-destination"),
        r.string("clearing.immediate-destination-name"), r.string("clearing.immediate-origin"),
        r.string("clearing.immediate-origin-name"), r.string("clearing.company-name"), r.string("clearing.company-id"),
        r.string("clearing.originating-dfi"), r.string("clearing.sec-code"), r.string("clearing.entry-description"),
        r.bool("clearing.balanced"), r.string("clearing.settlement-routing-number"),
        r.string("clearing.settlement-account-number"), r.string("clearing.transmit-dir"),
        r.integer("clearing.settlement-days", 0, 60), r.integer("clearing.poll-interval-ms", 10, 3_600_000),
        r.string("clearing.transmitter"), new SftpConfig(r.string("clearing.sftp.host"), r.port("clearing.sftp.port"),
            r.string("clearing.sftp.user"), r.string("clearing.sftp.remote-dir"), r.string("clearing.sftp.host-key"),
            r.string("clearing.sftp.private-key-path"), r.string("clearing.sftp.password"),
            r.integer("clearing.sftp.timeout-ms", 1000, 3_600_000)),
        new SameDayConfig(r.string("clearing.same-day.windows"), r.string("clearing.same-day.time-zone"),
            r.string("clearing.same-day.settlement-times"),
            r.longInteger("clearing.same-day.max-amount-minor", 1, Long.MAX_VALUE / 4),
            r.string("clearing.same-day.after-last-window")));
    checkClearing(clearing, r);
    checkTransmitter(clearing, r);
    ReconciliationConfig reconciliation = new ReconciliationConfig(
        r.integer("reconciliation.date-window-days", 0, 31),
        r.integer("reconciliation.max-file-bytes", 1024, 1024 * 1024 * 1024),
        r.longInteger("reconciliation.tolerance-minor", 0, Long.MAX_VALUE / 4),
        r.integer("reconciliation.tolerance-basis-points", 0, 10_000),
        r.integer("reconciliation.overdue-sweep-interval-ms", 10, 86_400_000));
    AccountsConfig accounts = new AccountsConfig(r.bool("payments.require-verified-account"),
        r.integer("accounts.verification.prenote-wait-banking-days", 1, 30),
        r.integer("accounts.verification.micro-entries-expire-days", 1, 365),
        r.string("accounts.verification.known-good-accounts"));
    ReturnsConfig returns = new ReturnsConfig(r.integer("returns.retry.delay-banking-days", 0, 30),
        r.bool("returns.pause-debits-over-threshold"));
    BankNotificationConfig bankNotification = new BankNotificationConfig(r.string("bank-notification.secrets"),
        r.integer("bank-notification.max-body-bytes", 1024, 1024 * 1024),
        r.integer("bank-notification.tolerance-seconds", 1, 3600));
    BankNotificationConfig.check(bankNotification, r);
    LogConfig log = LogConfig.read(r);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new GatewayConfig(http, pg, kafka, cassandra, embedded, payments, idempotency, rateLimit, banking, security,
        webhooks, outbox, projector, auth, roles, scheduling, clearing, reconciliation, accounts, returns,
        bankNotification, log);
  }

  private static void checkClearing(ClearingConfig c, ConfigReader r) {
    try {
      c.zone();
    } catch (java.time.DateTimeException e) {
      r.problem("clearing.time-zone", "expected a time zone id such as America/New_York, got '" + c.timeZone() + "'");
    }
    try {
      if (c.cutoffTimes().isEmpty()) {
        r.problem("clearing.cutoffs", "expected at least one HH:MM time");
      }
    } catch (java.time.DateTimeException e) {
      r.problem("clearing.cutoffs", "expected comma-separated HH:MM times, e.g. 10:30,14:45,16:45");
    }
    if (!c.immediateDestination().matches("\\d{9}")) {
      r.problem("clearing.immediate-destination", "expected the 9-digit routing number of the receiving bank");
    }
    if (!c.originatingDfi().matches("\\d{8}")) {
      r.problem("clearing.originating-dfi", "expected the first 8 digits of our bank's routing number");
    }
    if (!c.immediateOrigin().matches("[0-9A-Za-z ]{1,10}")) {
      r.problem("clearing.immediate-origin", "expected up to 10 characters (e.g. 1 + a 9-digit tax id)");
    }
    if (!c.companyId().matches("[0-9A-Za-z ]{1,10}")) {
      r.problem("clearing.company-id", "expected up to 10 characters");
    }
    if (!List.of("WEB", "PPD").contains(c.secCode())) {
      r.problem("clearing.sec-code", "expected WEB (consumer debits authorised online) or PPD");
    }
    checkSameDay(c.sameDay(), r);
  }

  private static void checkSameDay(SameDayConfig s, ConfigReader r) {
    try {
      s.zone();
    } catch (java.time.DateTimeException e) {
      r.problem("clearing.same-day.time-zone", "expected a time zone id such as America/New_York, got '"
          + s.timeZone() + "'");
    }
    try {
      if (s.windowTimes().isEmpty() || s.windowTimes().size() != s.settlementTimeList().size()) {
        r.problem("clearing.same-day.settlement-times", "expected one settlement time per same-day window");
      }
    } catch (java.time.DateTimeException e) {
      r.problem("clearing.same-day.windows", "expected comma-separated HH:MM times in both windows and"
          + " settlement-times, e.g. 10:30,14:45,16:45 and 13:00,17:00,18:00");
    }
    if (!SameDayConfig.AFTER_LAST_WINDOW.contains(s.afterLastWindow())) {
      r.problem("clearing.same-day.after-last-window", "expected next-day-first-window or refuse");
    }
  }

  /** An OpenSSH public-key line, or a SHA-256 fingerprint as ssh-keygen prints it. */
  private static final java.util.regex.Pattern HOST_KEY = java.util.regex.Pattern.compile(
      "SHA256:[A-Za-z0-9+/]{43}=?|(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+ [A-Za-z0-9+/]+=*( .*)?");

  private static void checkTransmitter(ClearingConfig c, ConfigReader r) {
    if (!List.of("directory", "sftp").contains(c.transmitter())) {
      r.problem("clearing.transmitter", "expected directory or sftp, got '" + c.transmitter() + "'");
    }
    if (!"sftp".equals(c.transmitter())) {
      return;
    }
    SftpConfig sftp = c.sftp();
    if (sftp.host().isEmpty() || sftp.user().isEmpty()) {
      r.problem("clearing.sftp.host", "the sftp transmitter needs clearing.sftp.host and clearing.sftp.user");
    }
    // an unpinned host key would trust whoever answers on the bank's address
    if (!HOST_KEY.matcher(sftp.hostKey()).matches()) {
      r.problem("clearing.sftp.host-key", "expected the bank server's public key (an OpenSSH line such as"
          + " 'ssh-ed25519 AAAA...') or its fingerprint 'SHA256:...'");
    }
    if (sftp.privateKeyPath().isEmpty() == sftp.password().isEmpty()) {
      r.problem("clearing.sftp.private-key-path", "set exactly one of clearing.sftp.private-key-path and the"
          + " password (BILLPAY_CLEARING_SFTP_PASSWORD, from the environment only)");
    }
  }

  /** This configuration with the addresses of servers started by the embedded stack filled in. */
  public GatewayConfig withEndpoints(String pgUrl, String kafkaBootstrap, String cassandraContactPoints) {
    return new GatewayConfig(
        http,
        new PgConfig(pgUrl, pg.user(), pg.password(), pg.poolSize()),
        new KafkaConfig(kafkaBootstrap, kafka.paymentEventsTopic(), kafka.deadLetterTopic(), kafka.partitions(),
            kafka.replicationFactor(), kafka.retentionHours(), kafka.producerCompression()),
        new CassandraConfig(
            cassandraContactPoints,
            cassandra.localDatacenter(),
            cassandra.keyspace(),
            cassandra.replication(),
            cassandra.consistency(),
            cassandra.schemaDir()),
        embedded,
        payments,
        idempotency,
        rateLimit,
        banking,
        security,
        webhooks,
        outbox,
        projector,
        auth,
        roles,
        scheduling,
        clearing,
        reconciliation,
        accounts,
        returns,
        bankNotification,
        log);
  }

  private static boolean isAes256Base64(String value) {
    try {
      return java.util.Base64.getDecoder().decode(value).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** True when no server needs to be started by this process. */
  public boolean fullyExternal() {
    return pg.external() && kafka.external() && cassandra.external();
  }
}
