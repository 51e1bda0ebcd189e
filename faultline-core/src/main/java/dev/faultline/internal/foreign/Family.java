package dev.faultline.internal.foreign;

import org.jspecify.annotations.Nullable;

/** One family of error formats: a draft when the response is in it, else null. */
@FunctionalInterface
interface Family {
  @Nullable Draft read(BoundedResponse response);
}
