/**
 * Implementation details of Faultline that other Faultline modules share. Not an API: anything here
 * may change in any release.
 */
@NullMarked
package dev.faultline.internal;

import org.jspecify.annotations.NullMarked;
