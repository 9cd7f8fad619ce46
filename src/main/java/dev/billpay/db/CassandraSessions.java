package dev.billpay.db;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.billpay.config.GatewayConfig.CassandraConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;

/** Builds the one CqlSession of the process. Blocking: call before deploying verticles, off the event loop. */
public final class CassandraSessions {
  private CassandraSessions() {}

  public static CqlSession open(CassandraConfig c) {
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, c.consistency())
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5))
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
        .withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, false)
        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(5))
        .build();
    var builder = CqlSession.builder().withConfigLoader(config).withLocalDatacenter(c.localDatacenter());
    Arrays.stream(c.contactPoints().split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .forEach(hp -> builder.addContactPoint(address(hp)));
    return builder.build();
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      return new InetSocketAddress(hostPort, 9042);
    }
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
