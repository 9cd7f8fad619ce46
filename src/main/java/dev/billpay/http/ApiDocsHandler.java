package dev.billpay.http;

import io.vertx.ext.web.Router;

/** Serves the OpenAPI contract at /openapi.yaml and the API reference page at /docs. */
public final class ApiDocsHandler {
  public void mount(Router router) {
    // filled in with the contract
  }
}
