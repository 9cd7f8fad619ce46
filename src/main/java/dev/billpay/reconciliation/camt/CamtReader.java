package dev.billpay.reconciliation.camt;

import java.io.InputStream;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ISO 20022 camt.053 (bank-to-customer statement) or camt.054 (debit/credit notification) message,
 * versions 001.02 to 001.13, as bank statements of booked transactions, and checks it whole: a message with any
 * problem is rejected with every problem found, by line and element path.
 *
 * <p>The file is streamed with the JDK's StAX parser: only one child of a statement (an entry, a balance, the
 * account) is held as elements at a time. A DOCTYPE is refused and no DTD or external entity is ever resolved,
 * so a file cannot make the reader open another file or a URL (XXE).
 */
public final class CamtReader {
  /** Problems reported before the reader gives up on a file. */
  public static final int MAX_PROBLEMS = 100;

  private CamtReader() {}

  /**
   * Reads a whole message from {@code in}, which the caller closes; the encoding is the XML's own (its byte order
   * mark or declaration, UTF-8 by default). Blocking: call it off the event loop.
   */
  public static CamtReadResult read(InputStream in) {
    XMLStreamReader xml;
    try {
      xml = factory().createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      return new CamtReadResult.Rejected(
          List.of(new CamtProblem(1, "Document", "is not well-formed XML: " + e.getMessage())));
    }
    try {
      return new DocumentReader(new XmlCursor(xml)).read();
    } finally {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // nothing left to read; the caller closes the stream
      }
    }
  }

  private static XMLInputFactory factory() {
    // the JDK's own implementation, whatever else is on the classpath: its hardening below is known to hold
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver((publicId, systemId, base, namespace) -> {
      throw new XMLStreamException("refers to " + systemId + "; a camt message reads nothing outside itself");
    });
    return factory;
  }
}
