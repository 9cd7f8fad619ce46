package dev.billpay.portal;

import java.util.List;

/** Every page's frame: the header, the navigation of all sections (the current page marked) and the content. */
final class Layout {
  private final String template;
  private final List<Section> sections;

  Layout(String template, List<Section> sections) {
    this.template = template;
    this.sections = sections;
  }

  String page(Page page, String head, String content) {
    return template.replace("{{title}}", Html.escape(page.title()))
        .replace("{{head}}", head)
        .replace("{{nav}}", nav(page))
        .replace("{{content}}", content);
  }

  private String nav(Page current) {
    StringBuilder nav = new StringBuilder();
    for (Section section : sections) {
      nav.append("<h2>").append(Html.escape(section.title())).append("</h2>\n<ul>\n");
      for (Page page : section.pages()) {
        nav.append("<li><a href=\"").append(page.url()).append('"')
            .append(page.route().equals(current.route()) ? " aria-current=\"page\"" : "")
            .append('>').append(Html.escape(page.title())).append("</a></li>\n");
      }
      nav.append("</ul>\n");
    }
    return nav.toString();
  }
}
