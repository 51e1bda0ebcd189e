package dev.faultline.journal;

import dev.faultline.Code;
import dev.faultline.Fault;
import dev.faultline.Faults;
import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Logs each record through {@link System.Logger} (by default to {@code java.util.logging}, or to
 * whatever logging framework provides a {@code System.LoggerFinder}): one line with kind, service,
 * code, reason, safe message, trace id and task, followed by the fault's chain as {@link
 * Faults#render(Fault)} draws it.
 *
 * <pre>
 * fault unobserved [orders] INTERNAL RESERVATION_FAILED "Could not reserve stock" trace=4bf9… task=reserve
 * trace 4bf92f3577b34da6a3ce929d0e0e4736
 * orders: INTERNAL RESERVATION_FAILED "Could not reserve stock"
 * └─ inventory: NOT_FOUND SKU_NOT_FOUND "No such SKU: 42"
 * </pre>
 *
 * <p>The level is ERROR for a failure nobody else saw or that stopped work for good ({@code
 * uncaught}, {@code unobserved}, {@code periodic}, {@code dead-letter}) and for a bug ({@code
 * INTERNAL}, {@code UNKNOWN}, {@code DATA_LOSS}); DEBUG for a server's answer that blames its
 * caller ({@code server} with a code such as {@code NOT_FOUND} or {@code INVALID_ARGUMENT}: the
 * caller has it, and a busy service answers many), so that it is neither formatted nor logged
 * unless DEBUG is on; WARNING otherwise. Every sink of the journal still gets every record.
 */
public final class LoggerSink implements JournalSink {
  /** The name of the logger {@link #create()} writes to. */
  public static final String LOGGER_NAME = "dev.faultline.journal";

  private static final Set<FaultKind> LOST =
      EnumSet.of(
          FaultKind.UNCAUGHT, FaultKind.UNOBSERVED, FaultKind.PERIODIC, FaultKind.DEAD_LETTER);
  private static final Set<Code> BUGS = EnumSet.of(Code.INTERNAL, Code.UNKNOWN, Code.DATA_LOSS);

  private final System.Logger logger;

  private LoggerSink(System.Logger logger) {
    this.logger = logger;
  }

  /** A sink that logs to the logger named {@value #LOGGER_NAME}. */
  public static LoggerSink create() {
    return to(System.getLogger(LOGGER_NAME));
  }

  /** A sink that logs to {@code logger}. */
  public static LoggerSink to(System.Logger logger) {
    return new LoggerSink(Objects.requireNonNull(logger, "logger"));
  }

  /** Logs the record at its level, when that level is enabled. */
  @Override
  public void write(FaultRecord record) {
    Level level = level(record);
    if (logger.isLoggable(level)) {
      logger.log(level, line(record));
    }
  }

  static Level level(FaultRecord record) {
    Code code = record.fault().code();
    if (LOST.contains(record.kind()) || BUGS.contains(code)) {
      return Level.ERROR;
    }
    return record.kind() == FaultKind.SERVER && code.isCallerError() ? Level.DEBUG : Level.WARNING;
  }

  static String line(FaultRecord record) {
    Fault fault = record.fault();
    StringBuilder s = new StringBuilder(256).append("fault ").append(record.kind().wireName());
    if (record.service() != null) {
      s.append(" [").append(record.service()).append(']');
    }
    s.append(' ').append(fault.code());
    if (fault.reason() != null) {
      s.append(' ').append(fault.reason());
    }
    s.append(" \"").append(fault.message()).append('"');
    member(s, "trace", record.traceId());
    member(s, "task", record.task());
    member(s, "exception", record.exception());
    member(s, "instance", fault.instanceId());
    return s.append('\n').append(Faults.render(fault).stripTrailing()).toString();
  }

  private static void member(StringBuilder s, String name, @Nullable String value) {
    if (value != null) {
      s.append(' ').append(name).append('=').append(value);
    }
  }
}
