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

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLoggerName().contains("BlockedThreadChecker")) {
      WARNINGS.add(event.getFormattedMessage());
    }
  }

  public static List<String> warnings() {
    return List.copyOf(WARNINGS);
  }
}
