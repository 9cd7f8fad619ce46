package dev.billpay.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.billpay.config.LogFormat;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Chooses the log format of this process once its command and configuration are known. logback.xml declares
 * both appenders; the choice is the property it reads to pick one, so the levels stay in one file.
 */
public final class Logging {
  /** The property logback.xml reads in its root logger's appender-ref. */
  static final String APPENDER_PROPERTY = "billpay.log.appender";

  private Logging() {}

  /** Re-reads logback.xml from the classpath with the given format, for the whole process. */
  public static void use(LogFormat format) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      configure(context, format, Logging.class.getClassLoader().getResource("logback.xml"));
    }
  }

  /** Resets {@code context} and configures it from {@code config} with the given format. */
  public static void configure(LoggerContext context, LogFormat format, URL config) {
    if (config == null) {
      throw new IllegalStateException("logback.xml is missing from the classpath");
    }
    context.reset();
    context.putProperty(APPENDER_PROPERTY, format.name());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot read " + config + ": " + e.getMessage(), e);
    }
  }
}
