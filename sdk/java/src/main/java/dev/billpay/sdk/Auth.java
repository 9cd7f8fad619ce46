package dev.billpay.sdk;

/** Which credential an operation takes, as its contract's security says. */
enum Auth {
  API_KEY,
  ADMIN_TOKEN,
  NONE
}
