package dev.billpay.clearing;

import io.vertx.core.Future;

/**
 * Hands a stored clearing file to the bank. The default writes it to a local directory (where an
 * SFTP agent or the bank's client picks it up); an SFTP or HTTPS transmitter implements the same call.
 */
public interface Transmitter {
  Future<Void> transmit(ClearingFile file, String content);
}
