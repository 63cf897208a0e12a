package org.xenplane.xenapi.wire;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes XAPI's XML-RPC answers: a {@code methodResponse} whose one parameter is the struct
 * {@code {Status: Success, Value: ...}} or {@code {Status: Failure, ErrorDescription: [code, params...]}}.
 * Strings and int64s are untyped {@code <value>}s as XAPI writes them.
 */
public final class XmlRpcWriter {
    private XmlRpcWriter() {
    }

    public static byte[] success(Object value) {
        StringBuilder out = start();
        out.append("<member><name>Status</name><value>Success</value></member><member><name>Value</name>");
        value(out, value);
        return end(out);
    }

    public static byte[] failure(List<String> description) {
        StringBuilder out = start();
        out.append("<member><name>Status</name><value>Failure</value></member><member><name>ErrorDescription</name>");
        value(out, description);
        return end(out);
    }

    private static StringBuilder start() {
        return new StringBuilder(256).append("<?xml version=\"1.0\"?><methodResponse><params><param><value><struct>");
    }

    private static byte[] end(StringBuilder out) {
        return out.append("</member></struct></value></param></params></methodResponse>")
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    static void value(StringBuilder out, Object v) {
        out.append("<value>");
        if (v == null) {
            // XAPI's void: an empty string
        } else if (v instanceof Boolean b) {
            out.append("<boolean>").append(b ? '1' : '0').append("</boolean>");
        } else if (v instanceof Double d) {
            out.append("<double>").append(d).append("</double>");
        } else if (v instanceof XenDate d) {
            out.append("<dateTime.iso8601>").append(d).append("</dateTime.iso8601>");
        } else if (v instanceof Map<?, ?> map) {
            out.append("<struct>");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append("<member><name>");
                escape(out, String.valueOf(e.getKey()));
                out.append("</name>");
                value(out, e.getValue());
                out.append("</member>");
            }
            out.append("</struct>");
        } else if (v instanceof Collection<?> items) {
            out.append("<array><data>");
            for (Object item : items) {
                value(out, item);
            }
            out.append("</data></array>");
        } else {
            escape(out, v.toString()); // strings, and int64s as strings of digits
        }
        out.append("</value>");
    }

    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' '); // not representable in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
