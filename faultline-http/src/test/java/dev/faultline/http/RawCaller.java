package dev.faultline.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A caller on a bare socket, so a test can hang up at a chosen moment, with a reset. */
final class RawCaller implements AutoCloseable {
  private final Socket socket;

  private RawCaller(Socket socket) {
    this.socket = socket;
  }

  /** Connects to {@code port} on 127.0.0.1 and sends {@code GET path}. */
  static RawCaller get(int port, String path) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(10_000);
    String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return new RawCaller(socket);
  }

  /** Reads until the first byte of the answer arrived. */
  void awaitFirstByte() throws IOException {
    InputStream in = socket.getInputStream();
    if (in.read() < 0) {
      throw new IOException("the server closed without answering");
    }
  }

  /** Hangs up with a TCP reset, as a caller that gave up does. */
  @Override
  public void close() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }
}
