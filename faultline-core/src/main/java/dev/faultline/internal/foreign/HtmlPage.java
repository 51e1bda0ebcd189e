package dev.faultline.internal.foreign;

import dev.faultline.Code;
import org.jspecify.annotations.Nullable;

/**
 * HTML error pages: nginx ({@code <title>502 Bad Gateway</title>}), Express ({@code <pre>Cannot GET
 * /x</pre>}), Rails ({@code public/404.html}), Cloudflare, and any other. The status decides
 * (Cloudflare's 521/523 are {@code UNAVAILABLE}, 522/524 {@code DEADLINE_EXCEEDED}); the message is
 * the page's title, else its {@code <h1>}, else its {@code <pre>}, as plain text.
 */
final class HtmlPage {
  private HtmlPage() {}

  static @Nullable Draft read(BoundedResponse r) {
    String text = r.bodyText();
    if (!Html.looksLike(text) && !r.headerContains("content-type", "html")) {
      return null;
    }
    return new Draft(format(r, text)).code(cloudflare(r)).message(message(text));
  }

  private static @Nullable String message(String html) {
    String title = Html.element(html, "title");
    if (title != null && !title.equalsIgnoreCase("error")) {
      return title;
    }
    String h1 = Html.element(html, "h1");
    if (h1 != null) {
      return h1;
    }
    String pre = Html.element(html, "pre");
    return pre != null ? pre : title;
  }

  private static String format(BoundedResponse r, String html) {
    if (r.headerContains("server", "nginx")
        || RemoteText.containsIgnoreCase(head(html), ">nginx")) {
      return "nginx";
    }
    if (r.headerContains("x-powered-by", "express") || html.contains("<pre>Cannot ")) {
      return "express";
    }
    if (r.header("x-runtime") != null) {
      return "rails";
    }
    return r.headerContains("server", "cloudflare") ? "cloudflare" : "html";
  }

  private static String head(String html) {
    return html.length() > Html.SCAN ? html.substring(0, Html.SCAN) : html;
  }

  private static @Nullable Code cloudflare(BoundedResponse r) {
    if (!r.headerContains("server", "cloudflare")) {
      return null;
    }
    return switch (r.status()) {
      case 521, 523 -> Code.UNAVAILABLE;
      case 522, 524 -> Code.DEADLINE_EXCEEDED;
      default -> null;
    };
  }
}
