package dev.billpay.reconciliation.camt;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of the file and everything inside it, read into memory. The reader only builds these for small
 * parts of a message (a group header, an account, a balance, one entry), never for a whole statement or file.
 *
 * @param name the element's local name
 * @param path its path from the root with 1-based indexes ({@code Document/BkToCstmrStmt/Stmt[1]/Ntry[2]})
 * @param line the line its start tag is on
 * @param text its character content, trimmed ("" for elements that hold elements)
 */
record XmlNode(String name, String path, int line, String text, Map<String, String> attributes,
    List<XmlNode> children) {

  /** The first child of that name. */
  Optional<XmlNode> child(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).findFirst();
  }

  /** Every child of that name, in order. */
  List<XmlNode> all(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** The element at a relative path of first children, e.g. {@code at("Tp", "CdOrPrtry", "Cd")}. */
  Optional<XmlNode> at(String... names) {
    Optional<XmlNode> node = Optional.of(this);
    for (String n : names) {
      node = node.flatMap(x -> x.child(n));
    }
    return node;
  }

  /** The text at a relative path; "" when the element is absent. */
  String text(String... names) {
    return at(names).map(XmlNode::text).orElse("");
  }

  boolean has(String... names) {
    return at(names).isPresent();
  }

  /** Where an element at that relative path is, or would be if it were there: for problems about it. */
  String pathOf(String... names) {
    return path + "/" + String.join("/", names);
  }

  String attribute(String attributeName) {
    return attributes.getOrDefault(attributeName, "");
  }
}
