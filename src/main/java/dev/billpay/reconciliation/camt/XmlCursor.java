package dev.billpay.reconciliation.camt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a StAX reader element by element and always knows the path of the element it is in, with 1-based
 * indexes. The elements a message repeats by design always carry their index ({@code Stmt[1]}, {@code Ntry[1]},
 * {@code TxDtls[1]}), so a locator does not change when a second one is added; any other element carries one
 * only from its second occurrence on ({@code NtryDtls}, then {@code NtryDtls[2]}).
 */
final class XmlCursor {
  /** Elements indexed even when they are the only one of their name. */
  private static final Set<String> LISTS = Set.of("Stmt", "Ntfctn", "Ntry", "TxDtls", "Bal", "Ustrd", "Strd");
  /** Deeper than any camt message nests; guards the recursive subtree reading against hostile input. */
  private static final int MAX_DEPTH = 64;

  private final XMLStreamReader xml;
  private final ArrayDeque<Frame> open = new ArrayDeque<>();

  private record Frame(String name, String path, int line, Map<String, Integer> childCounts) {}

  XmlCursor(XMLStreamReader xml) {
    this.xml = xml;
  }

  /**
   * Moves to the next child element of the element the cursor is in (the root, when in none), skipping text and
   * comments. Returns false at the end of the element the cursor is in; the cursor is then in its parent.
   *
   * @throws Refused when the file declares a DOCTYPE
   */
  boolean nextChild() throws XMLStreamException {
    int depth = open.size();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        // refused before anything in it is resolved: a bank file never needs one, and entities are how XXE works
        throw new Refused(xml.getLocation().getLineNumber(), "DOCTYPE", "is not allowed: a camt message never has one");
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        push();
        return true;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        open.pop();
        if (open.size() < depth) {
          return false;
        }
      }
    }
    return false;
  }

  /** Reads the element the cursor is on (just moved to by {@link #nextChild}) and all it holds. */
  XmlNode read() throws XMLStreamException {
    Frame frame = open.getFirst();
    Map<String, String> attributes = attributes();
    List<XmlNode> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        push();
        children.add(read());
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(xml.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        open.pop();
        return new XmlNode(frame.name(), frame.path(), frame.line(), children.isEmpty() ? text.toString().trim() : "",
            attributes, List.copyOf(children));
      }
    }
  }

  /** Reads past the element the cursor is on without keeping anything of it. */
  void skip() throws XMLStreamException {
    int depth = open.size();
    while (open.size() >= depth) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        push();
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        open.pop();
      }
    }
  }

  String name() {
    return open.isEmpty() ? "" : open.getFirst().name();
  }

  String namespace() {
    String uri = xml.getNamespaceURI();
    return uri == null ? "" : uri;
  }

  /** Path of the element the cursor is in; "" before the root. */
  String path() {
    return open.isEmpty() ? "" : open.getFirst().path();
  }

  int line() {
    return open.isEmpty() ? 1 : open.getFirst().line();
  }

  private void push() {
    String name = xml.getLocalName();
    if (open.size() >= MAX_DEPTH) {
      throw new Refused(xml.getLocation().getLineNumber(), path(), "nests elements deeper than " + MAX_DEPTH + " levels");
    }
    String path = name;
    if (!open.isEmpty()) {
      Frame parent = open.getFirst();
      int index = parent.childCounts().merge(name, 1, Integer::sum);
      path = parent.path() + "/" + (LISTS.contains(name) || index > 1 ? name + "[" + index + "]" : name);
    }
    open.push(new Frame(name, path, xml.getLocation().getLineNumber(), new HashMap<>()));
  }

  private Map<String, String> attributes() {
    int count = xml.getAttributeCount();
    if (count == 0) {
      return Map.of();
    }
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < count; i++) {
      attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
    }
    return Map.copyOf(attributes);
  }

  /** The file cannot be read safely any further: a DOCTYPE, or nesting no camt message has. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final String path;

    Refused(int line, String path, String reason) {
      super(reason, null, false, false);
      this.line = line;
      this.path = path;
    }
  }
}
