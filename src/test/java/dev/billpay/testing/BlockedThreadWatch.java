package dev.billpay.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A logback appender that records Vert.x blocked-thread warnings, so integration tests can fail
 * on them (every such warning is a bug: something blocked an event loop).
 */
public final class BlockedThreadWatch extends AppenderBase<ILoggingEvent> {
  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();
  private static final StringBuffer ALL = new StringBuffer();

  @Override
  protected void append(ILoggingEvent event) {
    if (ALL.length() < 50_000_000) {
      ALL.append(event.getLoggerName()).append(' ').append(event.getFormattedMessage()).append('\n');
      if (event.getThrowableProxy() != null) {
        ALL.append(event.getThrowableProxy().getMessage()).append('\n');
      }
    }
    if (event.getLoggerName().contains("BlockedThreadChecker")) {
      WARNINGS.add(event.getFormattedMessage());
    }
  }

  /** Everything logged in this JVM so far (for tests that scan logs for secrets). */
  public static String allLogs() {
    return ALL.toString();
  }

  public static List<String> warnings() {
    return List.copyOf(WARNINGS);
  }
}
