package dev.billpay.portal;

import java.nio.file.Path;

/**
 * One page of the developer portal, served at {@code /docs/<route>} ({@code /docs} for the empty route).
 * {@code source} is the repository file it is made from, relative to the repository's root (for a directory
 * listing, the directory). {@code strict}: a link in it to a file that does not exist fails the build; pages other
 * teams write (the SDK READMEs, the root README) are lenient, and such a link becomes its text.
 */
record Page(Kind kind, String route, String title, Path source, String summary, boolean strict) {

  enum Kind {
    /** A markdown file rendered as it is. */
    MARKDOWN,
    /** The landing page, listing every section. */
    LANDING,
    /** Swagger UI on the gateway's own contract. */
    REFERENCE,
    /** A table of every event type documented in docs/events.md. */
    EVENT_CATALOGUE,
    /** The pages of one docs/ directory (decisions, tutorials). */
    DIRECTORY
  }

  String url() {
    return route.isEmpty() ? "/docs" : "/docs/" + route;
  }

  /** The file under the portal's classpath directory. */
  String resource() {
    return (route.isEmpty() ? "index" : route) + ".html";
  }
}
