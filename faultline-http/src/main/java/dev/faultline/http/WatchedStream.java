package dev.faultline.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The response body of a JDK exchange, watched: it remembers that a write or flush failed, which on
 * a response body means the caller went away (a broken pipe, a reset connection).
 */
final class WatchedStream extends FilterOutputStream {
  private volatile boolean failed;

  WatchedStream(OutputStream body) {
    super(body);
  }

  /** Whether a write or flush to the caller failed. */
  boolean failed() {
    return failed;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
