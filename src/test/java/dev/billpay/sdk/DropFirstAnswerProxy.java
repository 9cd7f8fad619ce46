package dev.billpay.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the gateway that loses the first answer: on its first connection it forwards the
 * request, waits until the gateway starts answering (so the request was processed), and closes the client's
 * connection without passing a byte of the answer on. Every later connection is passed through whole.
 */
final class DropFirstAnswerProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final AtomicInteger connections = new AtomicInteger();

  DropFirstAnswerProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "drop-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        boolean drop = connections.incrementAndGet() == 1;
        Thread t = new Thread(() -> handle(client, drop), "drop-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void handle(Socket client, boolean drop) {
    try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
      Thread up = pump(client.getInputStream(), upstream.getOutputStream());
      if (drop) {
        // the first byte of the answer means the gateway has done the work; the client never sees it
        int first = upstream.getInputStream().read();
        if (first >= 0) {
          client.setSoLinger(true, 0);
        }
        return;
      }
      copy(upstream.getInputStream(), client.getOutputStream());
      up.join(1000);
    } catch (IOException | InterruptedException e) {
      // a connection the client or gateway closed: nothing to do
    }
  }

  private static Thread pump(InputStream in, OutputStream out) {
    Thread t = new Thread(() -> {
      try {
        copy(in, out);
      } catch (IOException e) {
        // closed
      }
    }, "drop-proxy-pump");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[16 * 1024];
    for (int n; (n = in.read(buf)) >= 0; ) {
      out.write(buf, 0, n);
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
