package dev.billpay.portal;

import java.util.List;

/** The landing page and the listing pages, made from the catalogue. */
final class Landing {
  private Landing() {}

  static String html(List<Section> sections) {
    StringBuilder html = new StringBuilder("""
        <h1>billpay-gateway developer portal</h1>
        <p class="lead">Pay bills over REST: funding accounts and payees, one-off and recurring payments, signed
        webhooks and CloudEvents on Kafka, ACH clearing, returns and reconciliation. Everything here is served by the
        gateway itself; the <a href="/docs/quickstart">quickstart</a> makes a first payment against a
        <code>billpay dev</code> gateway in five minutes.</p>
        """);
    for (Section section : sections) {
      html.append("<section id=\"").append(anchor(section.title())).append("\">\n<h2>")
          .append(Html.escape(section.title())).append("</h2>\n<p>").append(Html.escape(section.blurb()))
          .append("</p>\n<ul class=\"cards\">\n");
      for (Page page : section.pages()) {
        card(html, page);
      }
      html.append("</ul>\n</section>\n");
    }
    // the API reference used to be /docs itself: its deep links (/docs#/Payments/createPayment) still land on it
    html.append("""
        <script>
          if (location.hash.startsWith('#/')) { location.replace('/docs/reference' + location.hash); }
        </script>
        """);
    return html.toString();
  }

  static String directory(Page page, List<Page> pages) {
    StringBuilder html = new StringBuilder("<h1>").append(Html.escape(page.title())).append("</h1>\n<p>")
        .append(Html.escape(page.summary())).append("</p>\n<ul class=\"cards\">\n");
    pages.forEach(p -> card(html, p));
    return html.append("</ul>\n").toString();
  }

  private static void card(StringBuilder html, Page page) {
    html.append("<li><a href=\"").append(page.url()).append("\">").append(Html.escape(page.title()))
        .append("</a><p>").append(Html.escape(page.summary())).append("</p></li>\n");
  }

  static String anchor(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
