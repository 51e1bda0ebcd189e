/**
 * No failure lost between threads: executor decorators that carry the submitter's {@link
 * dev.faultline.context.CallContext} into each task and report every failure nobody observed,
 * periodic tasks that survive a throw, timed waits that keep late outcomes, and {@link TaskScope}
 * for structured fan-out with full failure context.
 */
@NullMarked
package dev.faultline.concurrent;

import org.jspecify.annotations.NullMarked;
