package dev.billpay.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The development {@link AccountVerifier}: an account verifies when the configured file lists its
 * routing and account number ({@code routing,account} per line, '#' comments). The file is read on
 * each call, off the event loop, so it can be edited while the gateway runs.
 */
public final class KnownGoodAccountsVerifier implements AccountVerifier {
  private final Vertx vertx;
  private final Path file;

  public KnownGoodAccountsVerifier(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
  }

  @Override
  public Future<Answer> verify(String routingNumber, String accountNumber, String accountType, String holderName) {
    String wanted = routingNumber + "," + accountNumber;
    return vertx.executeBlocking(() -> {
      for (String line : lines()) {
        String entry = line.replaceAll("#.*", "").strip();
        if (entry.equals(wanted)) {
          return Answer.ok();
        }
      }
      return Answer.refused("not a known account of the verification service");
    });
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }
}
