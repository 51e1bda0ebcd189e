/**
 * Faults on the wire: {@link dev.faultline.wire.ProblemJson} (RFC 9457 problem+json, Faultline's
 * HTTP format), {@link dev.faultline.wire.FaultHeader} (the same problem in one header), and {@link
 * dev.faultline.wire.ForeignErrors}, which maps the error responses of other frameworks and
 * platforms to faults. Every decoder here is bounded by {@link dev.faultline.wire.DecodeLimits} and
 * never throws on bad input.
 */
@NullMarked
package dev.faultline.wire;

import org.jspecify.annotations.NullMarked;
