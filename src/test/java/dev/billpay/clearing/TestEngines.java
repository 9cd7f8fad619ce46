package dev.billpay.clearing;

import dev.billpay.accounts.VerificationEntries;
import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.observability.GatewayMetrics;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.SharedStack;
import io.vertx.sqlclient.Pool;

/** Clearing engines on a test's own pool and transmitter, configured as the gateway under test is. */
public final class TestEngines {
  private TestEngines() {}

  public static ClearingEngine engine(GatewayExtension gateway, Pool pool, Transmitter transmitter) {
    return engine(gateway, pool, CutoffSchedule.of(gateway.config().clearing(), BankingCalendar.federalReserve()),
        transmitter);
  }

  public static ClearingEngine engine(GatewayExtension gateway, Pool pool, CutoffSchedule cutoffs, Transmitter transmitter) {
    return engine(gateway, pool, cutoffs, transmitter, routingNumber -> true);
  }

  /** {@code achParticipant}: whether the FedACH directory lists a routing number (every one, above). */
  public static ClearingEngine engine(GatewayExtension gateway, Pool pool, CutoffSchedule cutoffs, Transmitter transmitter,
      java.util.function.Predicate<String> achParticipant) {
    var c = gateway.config().clearing();
    var a = gateway.config().accounts();
    return new ClearingEngine(gateway.vertx(), pool, c, cutoffs,
        AccountNumberCipher.fromBase64("it", SharedStack.TEST_ACCOUNT_KEY), new PaymentTransitions(), transmitter,
        new GatewayMetrics(), new VerificationEntries(BankingCalendar.federalReserve(), a.prenoteWaitBankingDays(),
            a.microEntriesExpireDays()), achParticipant);
  }
}
