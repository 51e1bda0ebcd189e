/**
 * The SLF4J bridge: adding this module's jar puts the trace id, span id and service of the current
 * {@link dev.faultline.context.CallContext} in the SLF4J MDC, so that every log line of a request
 * can be joined by its trace id.
 */
@NullMarked
package dev.faultline.slf4j;

import org.jspecify.annotations.NullMarked;
