package dev.billpay.clients;

/**
 * The development client of the embedded default, so the README walkthrough works with a fixed,
 * documented key. Provisioned only by {@code billpay dev}, never by {@code billpay serve}.
 */
public final class DevClient {
  public static final String CLIENT_ID = "cli_dev";
  public static final String NAME = "Development client (embedded default only)";
  public static final String KEY_ID = "key_dev";

  private DevClient() {}
}
