/**
 * How {@link dev.faultline.wire.ForeignErrors} reads the error responses of other frameworks: a
 * bounded view of the response ({@code BoundedResponse}, with a lazily parsed JSON tree), one small
 * decoder per family of formats, tried in a fixed order ({@code Families}), and the step that turns
 * a decoder's draft into a valid fault ({@code Draft}). Not an API.
 */
@NullMarked
package dev.faultline.internal.foreign;

import org.jspecify.annotations.NullMarked;
