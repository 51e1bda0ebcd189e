/**
 * Faultline at the Kafka boundary: the call context in record headers, and a record processor that
 * retries, dead-letters and commits so that no record is lost or skipped.
 */
@NullMarked
package dev.faultline.kafka;

import org.jspecify.annotations.NullMarked;
