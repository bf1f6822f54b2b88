// Validates messages against the gateway's OWN schemas as it serves them (xsd/, fetched over HTTP with their
// imports), with the JDK's Xerces: proof that the contract in our WSDLs describes what we accept and send.
//
// Usage: java EigenSchemaValidate.java SCHEMA_URL[,SCHEMA_URL...] FILE.xml [FILE.xml ...]
//   A file may hold a bare message or a SOAP 1.1/1.2 envelope; for a soap:Fault the Fo0x in its detail is checked.
//   One line per file ("valid" / "INVALID" with the errors indented below), exit status 1 when any is invalid.
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.*;
import org.w3c.dom.*;
import org.xml.sax.*;
import java.io.File;
import java.util.*;

public class EigenSchemaValidate {
  static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

  public static void main(String[] args) throws Exception {
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    List<Source> bronnen = new ArrayList<>();
    for (String url : args[0].split(",")) bronnen.add(new StreamSource(url));
    Schema schema = sf.newSchema(bronnen.toArray(new Source[0]));
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    int ongeldig = 0;
    for (int i = 1; i < args.length; i++) {
      List<String> fouten = new ArrayList<>();
      String label = args[i];
      try {
        Element bericht = berichtVan(dbf.newDocumentBuilder().parse(new File(args[i])).getDocumentElement());
        if (bericht == null) throw new Exception("geen bericht gevonden (lege soap:Body?)");
        label += " [" + bericht.getLocalName() + "]";
        Document los = dbf.newDocumentBuilder().newDocument();
        los.appendChild(los.importNode(bericht, true));
        Validator v = schema.newValidator();
        v.setErrorHandler(new ErrorHandler() {
          public void warning(SAXParseException e) { }
          public void error(SAXParseException e) { fouten.add(e.getMessage()); }
          public void fatalError(SAXParseException e) { fouten.add(e.getMessage()); }
        });
        v.validate(new DOMSource(los));
      } catch (Exception e) {
        if (fouten.isEmpty()) fouten.add(String.valueOf(e.getMessage()));
      }
      if (fouten.isEmpty()) System.out.println("valid    " + label);
      else {
        ongeldig++;
        System.out.println("INVALID  " + label);
        for (String f : fouten) System.out.println("    " + f);
      }
    }
    System.exit(ongeldig == 0 ? 0 : 1);
  }

  static Element berichtVan(Element root) {
    String ns = root.getNamespaceURI();
    if (!SOAP11.equals(ns) && !SOAP12.equals(ns)) return root;
    Element body = eersteKind(root, ns, "Body");
    Element eerste = body == null ? null : eersteKind(body, null, null);
    if (eerste != null && ns.equals(eerste.getNamespaceURI()) && "Fault".equals(eerste.getLocalName())) {
      Element detail = eersteKind(eerste, null, "detail");
      if (detail == null) detail = eersteKind(eerste, ns, "Detail");
      return detail == null ? null : eersteKind(detail, null, null);
    }
    return eerste;
  }

  static Element eersteKind(Element e, String ns, String local) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling())
      if (n instanceof Element c && (local == null || local.equals(c.getLocalName())) && (ns == null || ns.equals(c.getNamespaceURI()))) return c;
    return null;
  }
}
