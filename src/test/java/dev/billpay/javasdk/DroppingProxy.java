package dev.billpay.javasdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the gateway that forwards each HTTP/1.1 request, reads the gateway's whole answer, and
 * for the first {@code drops} requests closes the client's connection instead of passing the answer on: the
 * request was done, the client never hears of it. That is the failure an idempotency key exists for.
 */
final class DroppingProxy implements AutoCloseable {
  /** What went through: the request's head, the answer's head, and whether the client got the answer. */
  record Exchange(String requestHead, String answerHead, boolean dropped) {
    String requestHeader(String name) {
      return header(requestHead, name);
    }

    String answerHeader(String name) {
      return header(answerHead, name);
    }
  }

  private final ServerSocket server;
  private final int upstreamPort;
  private final AtomicInteger drops;
  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  DroppingProxy(int upstreamPort, int drops) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.upstreamPort = upstreamPort;
    this.drops = new AtomicInteger(drops);
    Thread accept = new Thread(this::accept, "dropping-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> serve(client), "dropping-proxy-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
      InputStream fromClient = client.getInputStream();
      InputStream fromUpstream = upstream.getInputStream();
      while (true) {
        byte[] request = readMessage(fromClient, true);
        if (request == null) {
          return;
        }
        upstream.getOutputStream().write(request);
        upstream.getOutputStream().flush();
        byte[] answer = readMessage(fromUpstream, false);
        boolean drop = drops.getAndDecrement() > 0;
        exchanges.add(new Exchange(head(request), answer == null ? "" : head(answer), drop));
        if (drop || answer == null) {
          return; // closing the client's socket without a byte of the answer
        }
        OutputStream toClient = client.getOutputStream();
        toClient.write(answer);
        toClient.flush();
      }
    } catch (IOException e) {
      // a connection the client closed: nothing to pass on
    }
  }

  /** One HTTP/1.1 message (head and a Content-Length or chunked body), or null at the end of the stream. */
  private static byte[] readMessage(InputStream in, boolean request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      out.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    if (matched < 4) {
      return null;
    }
    String head = out.toString(StandardCharsets.ISO_8859_1);
    String length = header(head, "Content-Length");
    if (length != null) {
      out.write(in.readNBytes(Integer.parseInt(length.trim())));
    } else if ("chunked".equalsIgnoreCase(header(head, "Transfer-Encoding"))) {
      while (true) {
        String size = readLine(in, out);
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        out.write(in.readNBytes(n));
        readLine(in, out);
        if (n == 0) {
          break;
        }
      }
    } else if (!request) {
      out.write(in.readAllBytes());
    }
    return out.toByteArray();
  }

  private static String readLine(InputStream in, ByteArrayOutputStream copy) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      copy.write(b);
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static String head(byte[] message) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    return end < 0 ? text : text.substring(0, end);
  }

  static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
