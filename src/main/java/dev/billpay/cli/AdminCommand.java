package dev.billpay.cli;

import dev.billpay.clients.ClientAdminService;
import dev.billpay.clients.ClientRepository;
import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.db.PgPools;
import dev.billpay.db.PostgresMigrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code billpay admin ...}: clients and API keys, straight against the configured PostgreSQL. */
@Command(name = "admin", description = "Manage API clients and keys (needs BILLPAY_PG_URL).",
    subcommands = {AdminCommand.CreateClient.class, AdminCommand.CreateKey.class, AdminCommand.RevokeKey.class})
final class AdminCommand implements Runnable {

  @Override
  public void run() {
    picocli.CommandLine.usage(this, System.out);
  }

  @Command(name = "create-client", description = "Create an API client; prints it as JSON.")
  static final class CreateClient implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "display name of the client")
    String name;

    @Override
    public Integer call() throws Exception {
      return withService(s -> s.createClient(name));
    }
  }

  @Command(name = "create-key", description = "Create an API key for a client; the key is printed once.")
  static final class CreateKey implements Callable<Integer> {
    @Option(names = "--client", required = true, description = "client id (cli_...)")
    String clientId;

    @Option(names = "--mode", defaultValue = "test", description = "test or live (default: test)")
    String mode;

    @Override
    public Integer call() throws Exception {
      if (!mode.equals("test") && !mode.equals("live")) {
        System.err.println("--mode must be test or live");
        return 2;
      }
      return withService(s -> s.createKey(clientId, mode));
    }
  }

  @Command(name = "revoke-key", description = "Revoke an API key (effective within seconds everywhere).")
  static final class RevokeKey implements Callable<Integer> {
    @Option(names = "--key", required = true, description = "key id (key_...)")
    String keyId;

    @Override
    public Integer call() throws Exception {
      return withService(s -> s.revokeKey(keyId));
    }
  }

  private static int withService(Function<ClientAdminService, Future<JsonObject>> action) throws Exception {
    GatewayConfig config = ConfigLoader.load(System.getenv());
    if (!config.pg().external()) {
      System.err.println("set BILLPAY_PG_URL (for the embedded default: postgresql://127.0.0.1:15432/billpay)");
      return 2;
    }
    PostgresMigrations.migrate(config.pg());
    Vertx vertx = Vertx.vertx();
    try {
      var pool = PgPools.shared(vertx, config.pg());
      JsonObject result = action.apply(new ClientAdminService(new ClientRepository(pool), Clock.systemUTC()))
          .eventually(pool::close).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      System.out.println(result.encodePrettily());
      return 0;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
