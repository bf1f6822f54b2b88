// The fuzzer's oracle (test/integration/fuzz.test.ts): is a message well-formed XML with namespaces, judged by the
// JDK's own SAX parser (Xerces), independent of the gateway's reader? A DOCTYPE is reported apart: well-formed, but
// no message the gateway may accept. External entities and DTDs are never fetched.
//
// Usage: java FuzzWelgevormd.java DIR|FILE...   (a directory: every *.xml in it, sorted by name)
//   One line per file, named as directory/file: "OK name", "DOCTYPE name" or "FOUT name line:column message".
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.*;

public class FuzzWelgevormd {
  public static void main(String[] args) throws Exception {
    SAXParserFactory f = SAXParserFactory.newInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    PrintStream uit = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    List<File> bestanden = new ArrayList<>();
    for (String a : args) {
      File d = new File(a);
      if (d.isDirectory()) {
        File[] xml = d.listFiles((map, naam) -> naam.endsWith(".xml"));
        Arrays.sort(xml);
        bestanden.addAll(Arrays.asList(xml));
      } else {
        bestanden.add(d);
      }
    }
    for (File b : bestanden) {
      String naam = b.getAbsoluteFile().getParentFile().getName() + "/" + b.getName();
      boolean[] doctype = { false };
      DefaultHandler2 h = new DefaultHandler2() {
        @Override public void startDTD(String naam, String publicId, String systemId) { doctype[0] = true; }
        @Override public void fatalError(SAXParseException e) throws SAXException { throw e; }
        @Override public void error(SAXParseException e) { /* validity only: no DTD validation here */ }
      };
      try {
        SAXParser p = f.newSAXParser();
        p.setProperty("http://xml.org/sax/properties/lexical-handler", h);
        p.parse(b, h);
        uit.println((doctype[0] ? "DOCTYPE " : "OK ") + naam);
      } catch (SAXParseException e) {
        uit.println("FOUT " + naam + " " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + eenRegel(e.getMessage()));
      } catch (Exception | StackOverflowError e) {
        uit.println("FOUT " + naam + " 0:0 " + eenRegel(e.toString()));
      }
    }
    uit.flush();
  }

  static String eenRegel(String s) {
    return String.valueOf(s).replaceAll("[\\r\\n]+", " ");
  }
}
