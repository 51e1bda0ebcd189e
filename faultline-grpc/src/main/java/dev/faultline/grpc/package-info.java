/**
 * Faultline at the gRPC boundary: {@code FaultlineServerInterceptor} and {@code
 * FaultlineClientInterceptor} carry the call context in metadata and faults in {@code
 * google.rpc.Status} details.
 */
@NullMarked
package dev.faultline.grpc;

import org.jspecify.annotations.NullMarked;
