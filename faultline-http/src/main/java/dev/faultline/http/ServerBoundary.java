package dev.faultline.http;

import dev.faultline.Code;
import dev.faultline.Exposure;
import dev.faultline.Fault;
import dev.faultline.HopPolicy;
import dev.faultline.context.CallContext;
import dev.faultline.context.Propagation;
import dev.faultline.context.Scope;
import dev.faultline.context.TraceParent;
import dev.faultline.internal.ServerFaults;
import dev.faultline.internal.Warnings;
import dev.faultline.journal.FaultJournal;
import dev.faultline.journal.FaultKind;
import java.io.IOException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What every Faultline HTTP server filter does with one request, so that the JDK filter and the
 * Servlet filter cannot drift apart: it makes the caller's context current for the handler, adds
 * {@code traceresponse}, and turns a failure that escapes the handler into a problem+json answer
 * and one journal record.
 *
 * @param <R> the server's request type, which the per-request exposure hook reads
 */
final class ServerBoundary<R> {
  /** The W3C Trace Context Level 2 response header. */
  static final String TRACERESPONSE = "traceresponse";

  /** Runs the rest of the filter chain and the handler. */
  @FunctionalInterface
  interface Handler {
    /** Runs the handler; may throw anything. */
    void run() throws Exception;
  }

  private final @Nullable String service;
  private final Exposure exposure;
  private final @Nullable Function<? super R, Exposure> exposureFor;
  private final HopPolicy hopPolicy;
  private final FaultJournal journal;
  private final BiFunction<Fault, Exposure, byte[]> encoder;

  ServerBoundary(
      @Nullable String service,
      Exposure exposure,
      @Nullable Function<? super R, Exposure> exposureFor,
      HopPolicy hopPolicy,
      FaultJournal journal,
      BiFunction<Fault, Exposure, byte[]> encoder) {
    this.service = service;
    this.exposure = exposure;
    this.exposureFor = exposureFor;
    this.hopPolicy = hopPolicy;
    this.journal = journal;
    this.encoder = encoder;
  }

  /**
   * Runs {@code handler} for one request. Returns normally when the handler did, or when its
   * failure was answered; rethrows the handler's own failure, as it was, only when the response had
   * already started (after recording it), so that the server aborts that response as usual.
   */
  void handle(R request, ServerExchange exchange, Handler handler) {
    CallContext context = enter(exchange);
    TraceParent parent = context.traceParent();
    if (parent != null) {
      exchange.setHeader(TRACERESPONSE, parent.toString());
    }
    Scope scope = context.makeCurrent();
    try {
      handler.run();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable thrown) {
      fail(request, exchange, context, thrown);
    } finally {
      scope.close();
    }
  }

  private CallContext enter(ServerExchange exchange) {
    try {
      return Propagation.extract(exchange, ServerExchange::requestHeader).withService(service);
    } catch (RuntimeException e) {
      Warnings.once("http.server.extract", "Faultline could not read a request's context", e);
      return CallContext.newTrace().withService(service);
    }
  }

  private void fail(R request, ServerExchange exchange, CallContext context, Throwable thrown) {
    Throwable failure = exchange.unwrap(thrown);
    String task = exchange.method() + ' ' + exchange.path();
    Fault fault = ServerFaults.answer(hopPolicy, failure, context);
    if (exchange.committed()) {
      boolean gone = exchange.callerGone(failure);
      record(gone ? ServerFaults.callerGone(fault, context) : fault, failure, task);
      throw ServerBoundary.<RuntimeException>rethrow(thrown);
    }
    if (fault.code() == Code.CANCELLED) {
      record(fault, failure, task);
      exchange.sendEmpty(Code.CANCELLED.httpStatus());
      return;
    }
    boolean answered = send(request, exchange, fault);
    record(answered ? fault : ServerFaults.callerGone(fault, context), failure, task);
  }

  /** Writes the answer; false when the caller went away while it was written. */
  private boolean send(R request, ServerExchange exchange, Fault fault) {
    int status = fault.code().httpStatus();
    byte[] body;
    try {
      body = encoder.apply(fault, exposureOf(request));
    } catch (RuntimeException | LinkageError e) {
      Warnings.once("http.server.encode", "Faultline could not encode a problem; sent a 500", e);
      status = Code.INTERNAL.httpStatus();
      body = Answers.minimalProblem(fault.traceId());
    }
    try {
      exchange.send(status, Answers.retryAfter(fault), body);
      return true;
    } catch (IOException e) {
      return false;
    } catch (RuntimeException e) {
      Warnings.once("http.server.send", "Faultline could not write a problem answer", e);
      return true;
    }
  }

  private Exposure exposureOf(R request) {
    if (exposureFor == null) {
      return exposure;
    }
    try {
      Exposure chosen = exposureFor.apply(request);
      return chosen == null ? Exposure.PUBLIC : chosen;
    } catch (RuntimeException e) {
      Warnings.once(
          "http.server.exposureFor", "Faultline's exposureFor hook threw; using PUBLIC", e);
      return Exposure.PUBLIC;
    }
  }

  private void record(Fault fault, Throwable failure, String task) {
    journal.report(FaultKind.SERVER, fault, failure, task);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException rethrow(Throwable thrown) throws T {
    throw (T) thrown;
  }
}
