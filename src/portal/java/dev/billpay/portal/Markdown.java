package dev.billpay.portal;

import java.util.List;
import java.util.Optional;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * CommonMark with GitHub's tables and heading anchors (the ids GitHub gives, so links to {@code file.md#section}
 * written for the code host land on the same heading here), links rewritten by {@link RepositoryLinks}.
 */
final class Markdown {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

  Node parse(String markdown) {
    return parser.parse(markdown);
  }

  String html(Page page, Node document, RepositoryLinks links) {
    List<Link> all = new java.util.ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(Link link) {
        all.add(link);
        visitChildren(link);
      }
    });
    for (Link link : all) {
      Optional<String> target = links.resolve(page, link.getDestination());
      if (target.isPresent()) {
        link.setDestination(target.get());
      } else {
        unwrap(link);
      }
    }
    return renderer.render(document);
  }

  /** The text of the first level-1 heading, or empty. */
  static String title(Node document) {
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && h.getLevel() == 1) {
        return plainText(h);
      }
    }
    return "";
  }

  /** The first paragraph's text, cut at a sentence end near {@code max} characters. */
  static String summary(Node document, int max) {
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Paragraph p) {
        String text = plainText(p).replaceAll("\\s+", " ").trim();
        if (text.length() <= max) {
          return text;
        }
        int stop = text.lastIndexOf(". ", max);
        return stop > max / 3 ? text.substring(0, stop + 1) : text.substring(0, max).trim() + "…";
      }
    }
    return "";
  }

  static String plainText(Node node) {
    StringBuilder text = new StringBuilder();
    node.accept(new AbstractVisitor() {
      @Override
      public void visit(Text t) {
        text.append(t.getLiteral());
      }

      @Override
      public void visit(Code c) {
        text.append(c.getLiteral());
      }

      @Override
      public void visit(org.commonmark.node.SoftLineBreak b) {
        text.append(' ');
      }
    });
    return text.toString();
  }

  private static void unwrap(Link link) {
    Node child = link.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      link.insertBefore(child);
      child = next;
    }
    link.unlink();
  }
}
