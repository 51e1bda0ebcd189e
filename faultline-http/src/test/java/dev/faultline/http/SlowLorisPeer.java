package dev.faultline.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A raw socket peer that sends a status line and headers promising a large body, then trickles one
 * byte per second forever: the attack a client must bound by its deadline.
 */
final class SlowLorisPeer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;

  SlowLorisPeer(int status) throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(status), "slow-loris-peer");
    thread.setDaemon(true);
    thread.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
  }

  private void serve(int status) {
    try (Socket connection = socket.accept()) {
      readHead(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      String head =
          "HTTP/1.1 "
              + status
              + " Whatever\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (!Thread.currentThread().isInterrupted()) {
        out.write('{');
        out.flush();
        Thread.sleep(1000);
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or the test ended
    }
  }

  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int b = in.read(); b != -1 && matched < 4; b = in.read()) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    thread.interrupt();
    socket.close();
  }
}
