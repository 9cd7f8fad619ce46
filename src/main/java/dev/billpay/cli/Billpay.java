package dev.billpay.cli;

import dev.billpay.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code billpay} command. */
@Command(name = "billpay", mixinStandardHelpOptions = true, version = "billpay-gateway 0.1.0",
    description = "Reactive bill-payment gateway.",
    subcommands = {ServeCommand.class, DevCommand.class, MigrateCommand.class, AdminCommand.class,
        FilesCommand.class, HistoryCommand.class, StackCommand.class, BankNotifyCommand.class})
public final class Billpay implements Runnable {

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Billpay());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException ce) {
        System.err.println("invalid configuration:");
        ce.problems().forEach(p -> System.err.println("  " + p));
        return 2;
      }
      System.err.println("billpay: " + e.getMessage());
      return 1;
    });
    int exit = cli.execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }
}
