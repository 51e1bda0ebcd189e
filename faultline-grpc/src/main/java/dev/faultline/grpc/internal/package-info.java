/**
 * What the gRPC interceptors share and users must not touch: the {@code google.rpc.Status} codec,
 * the hand-written codec of the Faultline detail message, and the classifier of gRPC statuses.
 */
@NullMarked
package dev.faultline.grpc.internal;

import org.jspecify.annotations.NullMarked;
