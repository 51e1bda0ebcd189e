package dev.faultline;

import dev.faultline.context.CallContext;
import dev.faultline.internal.FaultStamp;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a server answers its own caller when a handler fails, in particular when it fails because a
 * peer it called failed. Either way the peer's fault is kept as the cause, so the chain is never
 * lost; what differs is the code the caller sees.
 *
 * <p>{@link #TRANSLATE} (the default) follows the propagation rule of protobuf.dev, "don't blindly
 * propagate": a code that blames the peer's caller ({@link Code#isCallerError()}, such as {@link
 * Code#INVALID_ARGUMENT} or {@link Code#NOT_FOUND}) becomes {@link Code#INTERNAL} here, since our
 * own caller did nothing wrong; transient codes ({@link Code#isTransient()}) pass as they are, so
 * that retries still work. {@link #PASS_THROUGH} answers with the peer's code, reason and message,
 * for a proxy or a gateway that adds nothing of its own.
 */
public enum HopPolicy {
  /** Caller-side codes of a peer become {@link Code#INTERNAL}; transient codes pass. */
  TRANSLATE,
  /** The peer's code, reason, domain, message and retry delay pass unchanged. */
  PASS_THROUGH;

  /**
   * The fault to answer with for {@code thrown}, an exception that escaped a handler running under
   * {@code context}: classified, stamped with the context's trace and service, and with a remote
   * fault kept as its cause.
   */
  public Fault answer(Throwable thrown, CallContext context) {
    Fault fault = Faults.classify(thrown);
    if (!isRemote(thrown, fault)) {
      return FaultStamp.stamp(fault, context);
    }
    FaultBuilder outward = this == PASS_THROUGH ? passed(fault) : translated(fault);
    return FaultStamp.stamp(outward.service(context.service()).cause(fault).build(), context);
  }

  private static FaultBuilder passed(Fault remote) {
    return Fault.builder(remote.code())
        .reason(remote.reason())
        .domain(remote.domain())
        .message(remote.message())
        .retryAfter(remote.retryAfter());
  }

  private static FaultBuilder translated(Fault remote) {
    Code code = remote.code();
    if (code.isTransient()) {
      return Fault.builder(code).message(remote.message()).retryAfter(remote.retryAfter());
    }
    return Fault.builder(code.isCallerError() ? Code.INTERNAL : code);
  }

  /** Whether {@code fault} is the fault of a {@link RemoteFaultException} in the chain. */
  private static boolean isRemote(Throwable thrown, Fault fault) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    @Nullable Throwable t = thrown;
    for (int i = 0; t != null && i < Classification.MAX_CHAIN && seen.add(t); i++) {
      if (t instanceof RemoteFaultException && ((RemoteFaultException) t).fault() == fault) {
        return true;
      }
      t = t.getCause();
    }
    return false;
  }
}
