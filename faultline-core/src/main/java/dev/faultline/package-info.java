/**
 * The fault contract: canonical codes, the immutable {@link dev.faultline.Fault} and its
 * exceptions.
 */
@NullMarked
package dev.faultline;

import org.jspecify.annotations.NullMarked;
