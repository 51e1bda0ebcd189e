package dev.faultline.grpc.internal;

/** The ErrorInfo metadata keys Faultline writes beside a fault's own metadata. */
final class Keys {
  static final String SERVICE = "service";
  static final String TRACE_ID = "traceId";
  static final String INSTANCE_ID = "instanceId";

  private Keys() {}
}
