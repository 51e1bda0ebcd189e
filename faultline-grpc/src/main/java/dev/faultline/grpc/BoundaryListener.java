package dev.faultline.grpc;

import dev.faultline.context.Scope;
import io.grpc.ForwardingServerCallListener;
import io.grpc.ServerCall;

/**
 * Runs every callback of a call's listener with the caller's context current, and turns an
 * exception that escapes one into the call's fault instead of gRPC's bare {@code UNKNOWN}.
 */
final class BoundaryListener<Q>
    extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
  private final BoundaryCall<Q, ?> call;

  BoundaryListener(ServerCall.Listener<Q> listener, BoundaryCall<Q, ?> call) {
    super(listener);
    this.call = call;
  }

  @Override
  public void onMessage(Q message) {
    run(() -> super.onMessage(message));
  }

  @Override
  public void onHalfClose() {
    run(super::onHalfClose);
  }

  @Override
  public void onReady() {
    run(super::onReady);
  }

  @Override
  public void onComplete() {
    run(super::onComplete);
  }

  @Override
  public void onCancel() {
    run(super::onCancel);
    call.cancelled();
  }

  private void run(Runnable callback) {
    Scope scope = call.context.makeCurrent();
    try {
      callback.run();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable thrown) {
      call.fail(thrown);
    } finally {
      scope.close();
    }
  }
}
