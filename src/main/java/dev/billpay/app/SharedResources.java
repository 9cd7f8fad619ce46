package dev.billpay.app;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.billpay.banking.BankAccountValidator;
import dev.billpay.banking.RoutingDirectorySource;
import dev.billpay.clients.RateLimiter;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.history.HistoryRebuilds;
import dev.billpay.history.HistoryRepository;
import dev.billpay.observability.GatewayMetrics;
import org.apache.kafka.clients.admin.Admin;

/** Thread-safe clients built once per process, before the verticles, and closed after them. */
public record SharedResources(
    CqlSession cassandra,
    HistoryRepository history,
    Admin kafkaAdmin,
    AccountNumberCipher cipher,
    RoutingDirectorySource routingDirectory,
    BankAccountValidator bankValidator,
    RateLimiter rateLimiter,
    GatewayMetrics metrics,
    dev.billpay.clients.KeyRevocations keyRevocations,
    HistoryRebuilds historyRebuilds) {

  public void close() {
    kafkaAdmin.close(java.time.Duration.ofSeconds(2));
    cassandra.close();
  }
}
