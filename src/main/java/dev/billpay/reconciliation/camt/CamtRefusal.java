package dev.billpay.reconciliation.camt;

/** Stops reading a message that cannot be read any further (not well-formed, a DOCTYPE, too many problems). */
final class CamtRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CamtRefusal() {
    super(null, null, false, false);
  }
}
