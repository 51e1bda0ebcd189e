/**
 * The demo shop: a public gateway, an orders service, a Python inventory and a billing consumer,
 * each a process of its own, and the driver that starts them, injects failures and shows what
 * Faultline saw. Run it with {@code ./faultline demo}.
 *
 * <p>The services ({@link dev.faultline.demo.Gateway}, {@link dev.faultline.demo.Orders}, {@link
 * dev.faultline.demo.Billing}) are meant to be read and copied: each uses Faultline in a few lines.
 */
@NullMarked
package dev.faultline.demo;

import org.jspecify.annotations.NullMarked;
