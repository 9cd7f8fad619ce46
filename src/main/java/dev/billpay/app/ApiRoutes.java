package dev.billpay.app;

import dev.billpay.accounts.FundingAccountsHandler;
import dev.billpay.banknotifications.BankNotificationsHandler;
import dev.billpay.banking.RoutingDirectoryHandler;
import dev.billpay.clearing.ClearingFilesHandler;
import dev.billpay.expectedpayments.ExpectedPaymentsHandler;
import dev.billpay.http.ApiDocsHandler;
import dev.billpay.plans.PlansHandler;
import dev.billpay.reconciliation.BankFilesHandler;
import dev.billpay.clients.AdminHandler;
import dev.billpay.health.HealthHandler;
import dev.billpay.observability.MetricsHandler;
import dev.billpay.history.AccountHistoryHandler;
import dev.billpay.history.HistoryRebuildHandler;
import dev.billpay.history.PaymentEventsHandler;
import dev.billpay.payees.PayeesHandler;
import dev.billpay.payments.PaymentsHandler;
import dev.billpay.webhooks.WebhooksHandler;
import io.vertx.ext.web.Router;

/**
 * Every route of the public API in one place, so the contract test can compare them with the
 * OpenAPI document. Handlers only register routes here; they use their services per request.
 */
public record ApiRoutes(
    HealthHandler health,
    MetricsHandler metrics,
    ApiDocsHandler docs,
    AdminHandler admin,
    HistoryRebuildHandler historyRebuild,
    RoutingDirectoryHandler routingDirectory,
    PaymentsHandler payments,
    PaymentEventsHandler paymentEvents,
    AccountHistoryHandler accountHistory,
    FundingAccountsHandler fundingAccounts,
    PayeesHandler payees,
    WebhooksHandler webhooks,
    PlansHandler plans,
    ClearingFilesHandler clearingFiles,
    BankFilesHandler bankFiles,
    ExpectedPaymentsHandler expectedPayments,
    BankNotificationsHandler bankNotifications) {

  /** Routes that need no API key (the bank's notifications are signed instead). */
  public void mountPublic(Router router) {
    health.mount(router);
    metrics.mount(router);
    docs.mount(router);
    bankNotifications.mount(router);
  }

  public void mountAdmin(Router router, io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> validation) {
    admin.mount(router, validation);
    // after the admin routes: behind their admin token check and contract validation
    historyRebuild.mount(router);
    routingDirectory.mount(router);
  }

  /** The bank side (clearing files, bank files, reconciliation): every client's data, so the admin token. */
  public static final java.util.List<String> OPERATOR_PATHS = java.util.List.of("/v1/clearing-files*",
      "/v1/clearing-runs", "/v1/bank-files*", "/v1/reconciliation/*");

  /** The caller mounts the admin token check on {@link #OPERATOR_PATHS} first. */
  public void mountOperator(Router router, io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> jsonBodies,
      io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> contract) {
    clearingFiles.mount(router, jsonBodies, contract);
    bankFiles.mount(router, jsonBodies);
  }

  /** Routes behind the client API key (the caller mounts auth on /v1/* first). */
  public void mountV1(Router router) {
    payments.mount(router);
    paymentEvents.mount(router);
    accountHistory.mount(router);
    fundingAccounts.mount(router);
    payees.mount(router);
    webhooks.mount(router);
    plans.mount(router);
    expectedPayments.mount(router);
  }
}
