package dev.jusdt.haconiwa.trace;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads an SVG with the JDK's XML parser, which rejects anything not well-formed. */
final class Svg {

  static final String NS = "http://www.w3.org/2000/svg";

  private Svg() {}

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The descendants of a node that are SVG elements of a name and class. */
  static List<Element> find(Node root, String name, String cssClass) {
    NodeList nodes =
        root instanceof Document d
            ? d.getElementsByTagNameNS(NS, name)
            : ((Element) root).getElementsByTagNameNS(NS, name);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (cssClass == null || cssClass.equals(e.getAttribute("class"))) {
        found.add(e);
      }
    }
    return found;
  }

  static Element panel(Document doc, String window) {
    return find(doc, "g", "panel").stream()
        .filter(p -> p.getAttribute("data-window").equals(window))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no panel " + window));
  }
}
