package org.xenplane.xenapi.wire;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML-RPC {@code methodCall} with the JDK's StAX parser and nothing else: no DTD (a
 * document declaring one is refused), no entity other than XML's five, at most
 * {@value #MAX_DEPTH} nested elements and {@value #MAX_ELEMENTS} elements in all; the body's size
 * is bounded before it gets here (core's {@code RequestSizeLimit}). Apache XML-RPC is not used as
 * the server (CVE-2019-17570). Anything else malformed is a {@link XenApiFailure}.
 */
public final class XmlRpcReader {
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 100_000;
    private static final XMLInputFactory FACTORY = factory();

    private final XMLStreamReader xml;
    private int depth;
    private int elements;

    private XmlRpcReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    public static RpcCall read(byte[] body) {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            return new XmlRpcReader(xml).methodCall();
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw XenApiFailure.malformed("not well-formed XML-RPC");
        } finally {
            close(xml);
        }
    }

    private RpcCall methodCall() throws XMLStreamException {
        expectStart("methodCall");
        expectStart("methodName");
        String method = text();
        List<Object> params = new ArrayList<>();
        if (nextTag() == XMLStreamConstants.START_ELEMENT) {
            requireName("params");
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                requireName("param");
                expectStart("value");
                params.add(value());
                expectEnd("param");
            }
            expectEnd("methodCall");
        }
        if (method.isBlank()) {
            throw XenApiFailure.malformed("empty methodName");
        }
        return new RpcCall(method.trim(), params, null, null);
    }

    /** The value whose {@code <value>} start tag was just read; ends after its {@code </value>}. */
    private Object value() throws XMLStreamException {
        StringBuilder bare = new StringBuilder();
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                bare.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return bare.toString(); // <value>text</value> is a string
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                Object typed = typed(xml.getLocalName());
                expectEnd("value");
                return typed;
            }
        }
    }

    private Object typed(String type) throws XMLStreamException {
        switch (type) {
            case "string":
                return text();
            case "i4", "int", "i8":
                return parse(() -> Long.parseLong(text().trim()));
            case "boolean": {
                String b = text().trim();
                if (!b.equals("0") && !b.equals("1")) {
                    throw XenApiFailure.malformed("a boolean is 0 or 1");
                }
                return b.equals("1");
            }
            case "double":
                return parse(() -> Double.parseDouble(text().trim()));
            case "dateTime.iso8601":
                return text().trim(); // passed on as written; no message takes a datetime yet
            case "base64":
                return parse(() -> new String(Base64.getMimeDecoder().decode(text().trim())));
            case "nil":
                expectEnd("nil");
                return "";
            case "array":
                return array();
            case "struct":
                return struct();
            default:
                throw XenApiFailure.malformed("unknown value type <" + printable(type) + ">");
        }
    }

    private List<Object> array() throws XMLStreamException {
        List<Object> items = new ArrayList<>();
        if (nextTag() == XMLStreamConstants.START_ELEMENT) {
            requireName("data");
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                requireName("value");
                items.add(value());
            }
            expectEnd("array");
        }
        return items;
    }

    private Map<String, Object> struct() throws XMLStreamException {
        Map<String, Object> members = new LinkedHashMap<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            requireName("member");
            expectStart("name");
            String name = text();
            expectStart("value");
            members.put(name, value());
            expectEnd("member");
        }
        return members;
    }

    /** The text of the element just opened, which must hold nothing else; ends after its end tag. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw XenApiFailure.malformed("unexpected <" + printable(xml.getLocalName()) + ">");
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getText());
            }
        }
    }

    private int next() throws XMLStreamException {
        if (!xml.hasNext()) {
            throw XenApiFailure.malformed("the document ends early");
        }
        int event = xml.next();
        switch (event) {
            case XMLStreamConstants.DTD -> throw XenApiFailure.malformed("a DTD is not allowed");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw XenApiFailure.malformed("entities are not allowed");
            case XMLStreamConstants.START_ELEMENT -> {
                if (++depth > MAX_DEPTH) {
                    throw XenApiFailure.malformed("nested deeper than " + MAX_DEPTH);
                }
                if (++elements > MAX_ELEMENTS) {
                    throw XenApiFailure.malformed("more than " + MAX_ELEMENTS + " elements");
                }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            default -> { }
        }
        return event;
    }

    /** The next start or end tag, skipping whitespace and comments; text there is malformed. */
    private int nextTag() throws XMLStreamException {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                return event;
            }
            if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && !xml.isWhiteSpace()) {
                throw XenApiFailure.malformed("unexpected text");
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw XenApiFailure.malformed("the document ends early");
            }
        }
    }

    private void expectStart(String name) throws XMLStreamException {
        if (nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw XenApiFailure.malformed("expected <" + name + ">");
        }
        requireName(name);
    }

    private void expectEnd(String name) throws XMLStreamException {
        if (nextTag() != XMLStreamConstants.END_ELEMENT || !xml.getLocalName().equals(name)) {
            throw XenApiFailure.malformed("expected </" + name + ">");
        }
    }

    private void requireName(String name) {
        if (!xml.getLocalName().equals(name)) {
            throw XenApiFailure.malformed("expected <" + name + ">, found <" + printable(xml.getLocalName()) + ">");
        }
    }

    private interface Parse<T> {
        T get() throws XMLStreamException;
    }

    private static <T> T parse(Parse<T> parse) throws XMLStreamException {
        try {
            return parse.get();
        } catch (NumberFormatException e) {
            throw XenApiFailure.malformed("not a number");
        } catch (IllegalArgumentException e) {
            throw XenApiFailure.malformed("not base64");
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) : s;
        return cut.replaceAll("[^A-Za-z0-9_.:-]", "?");
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever else is on the class path
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // nothing held beyond the byte array
            }
        }
    }
}
