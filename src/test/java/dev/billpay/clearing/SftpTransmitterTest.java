package dev.billpay.clearing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.config.GatewayConfig.SftpConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SFTP transmitter, against an embedded MINA SSHD SFTP server")
class SftpTransmitterTest {
  private static EmbeddedSftpServer bank;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    bank = EmbeddedSftpServer.start(0);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    bank.close();
    vertx.close().await();
  }

  private static SftpConfig password(String hostKey, String dir) {
    return new SftpConfig("127.0.0.1", bank.port(), EmbeddedSftpServer.USER, dir, hostKey, "",
        EmbeddedSftpServer.PASSWORD, 10_000);
  }

  private static ClearingFile file(String id) {
    return new ClearingFile(id, Instant.parse("2026-12-02T15:45:00Z"), LocalDate.parse("2026-12-02"), " 011000015",
        'A', LocalDate.parse("2026-12-03"), "0".repeat(64), 10, 1, 1, 1000, 0, ClearingFileStatus.TRANSMITTING, null,
        null, Instant.parse("2026-12-02T15:45:00Z"));
  }

  /** A NACHA-shaped body: ten 94-character records and a final line end, like the files we write. */
  private static String content(char fill) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      s.append(String.valueOf(fill).repeat(94)).append('\n');
    }
    return s.toString();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Path remote(String dir, ClearingFile f) {
    return bank.root().resolve(dir).resolve(f.fileDate() + "-" + f.fileIdModifier() + "-" + f.id() + ".ach");
  }

  private static long leftovers(String dir) throws Exception {
    try (Stream<Path> files = Files.list(bank.root().resolve(dir))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
    }
  }

  @Test
  @DisplayName("a file pinned by its OpenSSH key line lands under its final name, byte for byte, with no partial file left")
  void uploadsByteForByte() throws Exception {
    Files.createDirectories(bank.root().resolve("outbound"));
    ClearingFile f = file("cf_sftp1");
    String content = content('1');
    await(new SftpTransmitter(vertx, password(bank.hostKeyLine(), "outbound")).transmit(f, content));
    assertThat(Files.readAllBytes(remote("outbound", f))).isEqualTo(content.getBytes(StandardCharsets.US_ASCII));
    assertThat(leftovers("outbound")).as("no .part file left").isZero();
  }

  @Test
  @DisplayName("a fingerprint pin and a private key file work as well, and sending the same file again replaces the copy still there")
  void fingerprintAndKey(@TempDir Path keys) throws Exception {
    Files.createDirectories(bank.root().resolve("bykey"));
    SftpConfig config = new SftpConfig("127.0.0.1", bank.port(), EmbeddedSftpServer.KEY_USER, "bykey",
        bank.hostKeyFingerprint(), bank.writeClientKey(keys).toString(), "", 10_000);
    ClearingFile f = file("cf_sftp2");
    String content = content('2');
    SftpTransmitter transmitter = new SftpTransmitter(vertx, config);
    await(transmitter.transmit(f, content));
    await(transmitter.transmit(f, content));
    assertThat(Files.readAllBytes(remote("bykey", f))).isEqualTo(content.getBytes(StandardCharsets.US_ASCII));
    assertThat(leftovers("bykey")).isZero();
  }

  @Test
  @DisplayName("a server whose host key is not the pinned one gets nothing: the transmission fails")
  void wrongHostKeyRefused() throws Exception {
    Files.createDirectories(bank.root().resolve("mitm"));
    String other = org.apache.sshd.common.config.keys.PublicKeyEntry.toString(
        KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256).getPublic());
    int before = bank.uploads();
    ClearingFile f = file("cf_sftp3");
    assertThatThrownBy(() -> await(new SftpTransmitter(vertx, password(other, "mitm")).transmit(f, content('3'))))
        .isInstanceOf(ExecutionException.class);
    assertThat(bank.uploads()).as("no file opened for writing").isEqualTo(before);
    try (Stream<Path> files = Files.list(bank.root().resolve("mitm"))) {
      assertThat(files.count()).isZero();
    }
  }

  @Test
  @DisplayName("a wrong password fails the transmission")
  void wrongPassword() throws Exception {
    SftpConfig config = new SftpConfig("127.0.0.1", bank.port(), EmbeddedSftpServer.USER, ".", bank.hostKeyLine(),
        "", "not-the-password", 10_000);
    assertThatThrownBy(() -> await(new SftpTransmitter(vertx, config).transmit(file("cf_sftp4"), content('4'))))
        .isInstanceOf(ExecutionException.class);
  }

  @Test
  @DisplayName("a key line and the fingerprint ssh-keygen prints for it pin the same key")
  void pinsAgree() {
    assertThat(SftpTransmitter.pinnedFingerprint(bank.hostKeyLine()))
        .isEqualTo(SftpTransmitter.pinnedFingerprint(bank.hostKeyFingerprint()))
        .isEqualTo(SftpTransmitter.fingerprint(bank.hostPublicKey()))
        .startsWith("SHA256:");
    assertThatThrownBy(() -> SftpTransmitter.pinnedFingerprint("ssh-ed25519 not-base64!"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
