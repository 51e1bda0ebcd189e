/**
 * Faultline at the HTTP boundary: {@code FaultlineFilter} for the JDK's HttpServer, {@code
 * FaultlineServletFilter} for Servlet containers, and {@code FaultlineHttpClient} for the JDK's
 * HttpClient. Each carries the call context across the call and turns failures into faults.
 */
@NullMarked
package dev.faultline.http;

import org.jspecify.annotations.NullMarked;
