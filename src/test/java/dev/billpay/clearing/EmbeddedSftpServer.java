package dev.billpay.clearing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The bank's SFTP server for the tests: Apache MINA SSHD with its SFTP subsystem, files in a local
 * directory the test reads back, one user with a password and one with a public key, and a host key
 * of its own, generated once per instance and kept across restarts (as a real server keeps its key).
 */
final class EmbeddedSftpServer implements AutoCloseable {
  static final String USER = "billpay";
  static final String PASSWORD = "sftp-test-password";
  static final String KEY_USER = "billpay-key";

  private final int port;
  private final Path root;
  private final KeyPair hostKey;
  private final KeyPair clientKey;
  private final AtomicInteger writesOpened = new AtomicInteger();
  private SshServer server;

  private EmbeddedSftpServer(int port, Path root) throws GeneralSecurityException {
    this.port = port;
    this.root = root;
    this.hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    this.clientKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
  }

  /** Starts a server on the port (0: any free one), serving a fresh temporary directory. */
  static EmbeddedSftpServer start(int port) {
    try {
      EmbeddedSftpServer s = new EmbeddedSftpServer(port, Files.createTempDirectory("billpay-sftp"));
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** (Re)starts on the same port, with the same host key and files. */
  void start() throws IOException {
    SshServer s = SshServer.setUpDefaultServer();
    s.setHost("127.0.0.1");
    s.setPort(port);
    s.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    s.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
    s.setPublickeyAuthenticator((user, key, session) -> KEY_USER.equals(user)
        && KeyUtils.compareKeys(key, clientKey.getPublic()));
    SftpSubsystemFactory sftp = new SftpSubsystemFactory();
    sftp.addSftpEventListener(new SftpEventListener() {
      @Override
      public void opening(ServerSession session, String remoteHandle, org.apache.sshd.sftp.server.Handle localHandle) {
        if (localHandle instanceof FileHandle f
            && f.getOpenOptions().contains(java.nio.file.StandardOpenOption.WRITE)) {
          writesOpened.incrementAndGet();
        }
      }
    });
    s.setSubsystemFactories(List.of(sftp));
    s.setFileSystemFactory(new VirtualFileSystemFactory(root));
    s.start();
    server = s;
  }

  void stop() throws IOException {
    server.stop(true);
  }

  int port() {
    return server.getPort();
  }

  Path root() {
    return root;
  }

  /** How many files were opened for writing: one per upload. */
  int uploads() {
    return writesOpened.get();
  }

  /** The host key as an OpenSSH public-key line, the pin a bank gives its customers. */
  String hostKeyLine() {
    return PublicKeyEntry.toString(hostKey.getPublic());
  }

  String hostKeyFingerprint() {
    return KeyUtils.getFingerPrint(hostKey.getPublic());
  }

  PublicKey hostPublicKey() {
    return hostKey.getPublic();
  }

  /** Writes the key user's private key in OpenSSH format, as a customer's key file would be. */
  Path writeClientKey(Path dir) throws IOException, GeneralSecurityException {
    Path file = dir.resolve("id_ecdsa");
    try (var out = Files.newOutputStream(file)) {
      org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE
          .writePrivateKey(clientKey, "billpay-test", null, out);
    }
    return file;
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.stop(true);
    }
  }
}
