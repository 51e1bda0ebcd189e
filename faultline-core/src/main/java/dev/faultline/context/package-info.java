/**
 * The call context that travels with a request: the W3C trace ({@link
 * dev.faultline.context.TraceParent}, tracestate), the deadline, and a few attributes. {@link
 * dev.faultline.context.CallContext} carries it across threads; {@link
 * dev.faultline.context.Propagation} carries it across calls, as headers.
 */
@NullMarked
package dev.faultline.context;

import org.jspecify.annotations.NullMarked;
