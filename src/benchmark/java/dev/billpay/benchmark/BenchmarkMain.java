package dev.billpay.benchmark;

import dev.billpay.config.ConfigException;
import picocli.CommandLine;

/**
 * Entry point of {@code target/billpay-benchmark.jar}: the benchmark is a tool for us, so it is built
 * next to the gateway's jar instead of inside it, and reaches the gateway's classes through that jar.
 * It is also the main class of the in-memory endpoint the benchmark starts as a child JVM.
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new BenchmarkCommand());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException ce) {
        System.err.println("invalid configuration:");
        ce.problems().forEach(p -> System.err.println("  " + p));
        return 2;
      }
      System.err.println("billpay-benchmark: " + e.getMessage());
      return 1;
    });
    int exit = cli.execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }
}
