package dev.billpay.clearing;

import dev.billpay.config.GatewayConfig.SftpConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads each file to the bank's SFTP server as {@code <file date>-<modifier>-<id>.ach} in the remote
 * directory: first under a temporary name, then renamed, so the bank never picks up half a file. The
 * server must present the pinned host key, or nothing is sent (a man in the middle would otherwise
 * receive every debit's account number). The SSH client blocks, so each upload runs on a worker thread.
 */
public final class SftpTransmitter implements Transmitter {
  private static final Logger LOG = LoggerFactory.getLogger(SftpTransmitter.class);
  private final Vertx vertx;
  private final SftpConfig config;
  private final String pinnedFingerprint;

  public SftpTransmitter(Vertx vertx, SftpConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.pinnedFingerprint = pinnedFingerprint(config.hostKey());
  }

  /**
   * The SHA-256 fingerprint the server's key must have: the pin itself when it is a fingerprint, the
   * fingerprint of the key when it is an OpenSSH public-key line.
   */
  static String pinnedFingerprint(String pin) {
    String trimmed = pin.strip();
    if (trimmed.startsWith("SHA256:")) {
      return withoutPadding(trimmed);
    }
    try {
      PublicKey key = PublicKeyEntry.parsePublicKeyEntry(trimmed)
          .resolvePublicKey(null, java.util.Map.of(), PublicKeyEntryResolver.FAILING);
      return fingerprint(key);
    } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("clearing.sftp.host-key is not a public key the client can read: " + e);
    }
  }

  static String fingerprint(PublicKey key) {
    return withoutPadding(KeyUtils.getFingerPrint(org.apache.sshd.common.digest.BuiltinDigests.sha256, key));
  }

  private static String withoutPadding(String fingerprint) {
    return fingerprint.replaceAll("=+$", "");
  }

  @Override
  public Future<Void> transmit(ClearingFile file, String content) {
    String name = file.fileDate() + "-" + file.fileIdModifier() + "-" + file.id() + ".ach";
    byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
    return vertx.executeBlocking(() -> {
      upload(name, bytes);
      return null;
    }, false);
  }

  private void upload(String name, byte[] bytes) throws IOException {
    Duration timeout = Duration.ofMillis(config.timeoutMs());
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(this::pinned);
    // a stalled server fails the upload instead of holding the worker thread for ever
    CoreModuleProperties.IDLE_TIMEOUT.set(client, timeout);
    CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, timeout);
    if (!config.privateKeyPath().isEmpty()) {
      client.setKeyIdentityProvider(new FileKeyPairProvider(Path.of(config.privateKeyPath())));
    }
    client.start();
    try (ClientSession session = client.connect(config.user(), config.host(), config.port()).verify(timeout)
        .getSession()) {
      if (!config.password().isEmpty()) {
        session.addPasswordIdentity(config.password());
      }
      session.auth().verify(timeout);
      try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
        String dir = config.remoteDir().isEmpty() ? "." : config.remoteDir();
        String partial = dir + "/." + name + ".part";
        String target = dir + "/" + name;
        try (OutputStream out = sftp.write(partial, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
            SftpClient.OpenMode.Truncate)) {
          out.write(bytes);
        }
        replace(sftp, partial, target);
      }
    } finally {
      client.stop();
    }
  }

  /**
   * Renames the upload to its final name. A retransmission may find the earlier copy still there (the
   * bank had not picked it up): the same bytes, so it is replaced.
   */
  private static void replace(SftpClient sftp, String partial, String target) throws IOException {
    try {
      sftp.remove(target);
    } catch (SftpException e) {
      if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
        throw e;
      }
    }
    sftp.rename(partial, target);
  }

  private boolean pinned(ClientSession session, SocketAddress remote, PublicKey key) {
    String presented = fingerprint(key);
    boolean matches = java.security.MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII),
        pinnedFingerprint.getBytes(StandardCharsets.US_ASCII));
    if (!matches) {
      LOG.error("SFTP server {} presented host key {}, not the pinned one: nothing sent", remote, presented);
    }
    return matches;
  }
}
