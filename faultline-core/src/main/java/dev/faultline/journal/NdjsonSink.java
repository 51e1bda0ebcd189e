package dev.faultline.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes each record as one JSON object on one line (NDJSON), in the format of docs/wire-format.md.
 * Lines are buffered and written whole, at the latest when the journal's queue is drained, so that
 * processes appending to one file never interleave inside a line.
 *
 * <pre>{@code
 * {"time":"2026-03-01T09:30:00.123Z","kind":"unobserved","service":"orders","code":"INTERNAL",...}
 * }</pre>
 */
public final class NdjsonSink implements JournalSink {
  private static final int BUFFER = 8192;

  private final OutputStream out;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(BUFFER);

  private NdjsonSink(OutputStream out) {
    this.out = out;
  }

  /**
   * A sink that appends to {@code file}, creating it and its parent directories.
   *
   * @throws UncheckedIOException when the file cannot be opened for appending
   */
  public static NdjsonSink toFile(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new NdjsonSink(
          Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the fault journal " + file, e);
    }
  }

  /** A sink that writes to {@code out}; {@link #close()} closes it. */
  public static NdjsonSink to(OutputStream out) {
    return new NdjsonSink(Objects.requireNonNull(out, "out"));
  }

  /** Buffers the record's line, writing the buffer out when it is full. */
  @Override
  public synchronized void write(FaultRecord record) throws IOException {
    pending.writeBytes(RecordJson.line(record));
    if (pending.size() >= BUFFER) {
      drain();
    }
  }

  /** Writes the buffered lines out and flushes the stream. */
  @Override
  public synchronized void flush() throws IOException {
    drain();
  }

  /** Flushes, then closes the stream. */
  @Override
  public synchronized void close() throws IOException {
    try {
      drain();
    } finally {
      out.close();
    }
  }

  private void drain() throws IOException {
    if (pending.size() > 0) {
      try {
        pending.writeTo(out); // one write of whole lines
      } finally {
        pending.reset();
      }
    }
    out.flush();
  }
}
